// The one DiagnosticCollection of Gradient Lens: spec errors and findings on the spec's own lines.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../diagnostics/types';
import type { NetworkSpec, Range, SpecError } from '../spec/types';
import { findingDiagnostics, type PlainDiagnostic, specErrorDiagnostics } from './diagnosticsModel';
import { clampRange, type TextShape } from './ranges';

export const DIAGNOSTIC_SOURCE = 'Gradient Lens';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toVsRange(range: Range, shape?: TextShape): vscode.Range {
  const r = shape ? clampRange(range, shape) : range;
  return new vscode.Range(r.start.line, r.start.column, r.end.line, r.end.column);
}

export function documentShape(doc: vscode.TextDocument): TextShape {
  return { lineCount: doc.lineCount, lineLength: (line) => doc.lineAt(line).text.length };
}

export class Problems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('gradientLens');

  /** Replaces everything shown for `uri` (stale diagnostics never survive a new analysis). */
  set(uri: vscode.Uri, errors: SpecError[], findings: Finding[], spec: NetworkSpec | undefined, shape?: TextShape): void {
    const plain = [...specErrorDiagnostics(errors), ...(spec ? findingDiagnostics(findings, spec) : [])];
    this.collection.set(uri, plain.map((d) => this.toDiagnostic(uri, d, shape)));
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  private toDiagnostic(uri: vscode.Uri, d: PlainDiagnostic, shape: TextShape | undefined): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(toVsRange(d.range, shape), d.message, SEVERITY[d.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    if (d.code) diagnostic.code = d.code;
    if (d.related.length > 0) {
      diagnostic.relatedInformation = d.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toVsRange(r.range, shape)), r.message),
      );
    }
    return diagnostic;
  }

  dispose(): void {
    this.collection.dispose();
  }
}
