// The only module that knows about @vscode/webview-ui-toolkit: it registers the components the views use and
// wraps each in a small factory, so replacing the (deprecated) toolkit later touches this file alone.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDropdown,
  vsCodeOption,
  vsCodePanelTab,
  vsCodePanelView,
  vsCodePanels,
} from '@vscode/webview-ui-toolkit';

/** Everything the panel uses. */
export function registerToolkit(): void {
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeDropdown(),
    vsCodeOption(),
    vsCodePanels(),
    vsCodePanelTab(),
    vsCodePanelView(),
  );
}

/** Only buttons: the side view stays small (the other components are tree-shaken from its bundle). */
export function registerButtons(): void {
  provideVSCodeDesignSystem().register(vsCodeButton());
}

export interface ButtonOptions {
  appearance?: 'primary' | 'secondary';
  title?: string;
  id?: string;
}

export function button(label: string, onClick: () => void, options: ButtonOptions = {}): HTMLElement {
  const el = document.createElement('vscode-button');
  el.textContent = label;
  el.setAttribute('appearance', options.appearance ?? 'secondary');
  if (options.title) el.title = options.title;
  if (options.id) el.id = options.id;
  el.addEventListener('click', onClick);
  return el;
}

export interface Choice {
  value: string;
  label: string;
}

export interface Dropdown {
  element: HTMLElement;
  /** Replaces the choices (only when they changed, so an open list is not disturbed) and selects `value`. */
  set(choices: Choice[], value: string): void;
}

/** A toolkit dropdown; `onChange` gets the chosen value. */
export function dropdown(ariaLabel: string, onChange: (value: string) => void): Dropdown {
  const el = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
  el.setAttribute('aria-label', ariaLabel);
  el.addEventListener('change', () => onChange(el.value));
  let key = '';
  return {
    element: el,
    set(choices, value) {
      const next = JSON.stringify(choices);
      if (next !== key) {
        key = next;
        // The chosen option is marked `selected` too: FAST picks its value up when the options connect, which
        // can be after this call (setting el.value alone then falls back to the first option).
        el.replaceChildren(
          ...choices.map((choice) => {
            const option = document.createElement('vscode-option');
            option.setAttribute('value', choice.value);
            if (choice.value === value) option.setAttribute('selected', '');
            option.textContent = choice.label;
            return option;
          }),
        );
      }
      if (el.value !== value) el.value = value;
    },
  };
}

export interface TabDef {
  id: string;
  label: string;
}

export interface Tabs {
  element: HTMLElement;
  /** The container of each tab's content, by tab id. */
  views: Map<string, HTMLElement>;
  select(id: string): void;
  setLabel(id: string, label: string): void;
}

/** Toolkit panels: a row of tabs (arrow keys move between them) over one view per tab. */
export function tabs(defs: TabDef[], active: string, onChange: (id: string) => void): Tabs {
  const panels = document.createElement('vscode-panels') as HTMLElement & { activeid: string };
  const views = new Map<string, HTMLElement>();
  const tabEls = new Map<string, HTMLElement>();
  for (const def of defs) {
    const tab = document.createElement('vscode-panel-tab');
    tab.id = `tab-${def.id}`;
    tab.textContent = def.label;
    tabEls.set(def.id, tab);
    panels.append(tab);
  }
  for (const def of defs) {
    const view = document.createElement('vscode-panel-view');
    view.id = `view-${def.id}`;
    const content = document.createElement('section');
    content.className = 'view-content';
    view.append(content);
    views.set(def.id, content);
    panels.append(view);
  }
  panels.setAttribute('activeid', `tab-${active}`);
  panels.addEventListener('change', (event) => {
    // The change event also bubbles up from controls inside the views (a dropdown): only the tabs' own counts.
    if (event.target !== panels) return;
    const id = panels.activeid?.replace(/^tab-/, '');
    if (id) onChange(id);
  });
  return {
    element: panels,
    views,
    select(id) {
      if (panels.activeid !== `tab-${id}`) panels.activeid = `tab-${id}`;
    },
    setLabel(id, label) {
      const tab = tabEls.get(id);
      if (tab && tab.textContent !== label) tab.textContent = label;
    },
  };
}
