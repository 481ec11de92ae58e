// Which smooth piece of its activation every pre-activation u of the network is on (see ./kinks.ts), recorded
// at the gradient check's base point and compared after each perturbed forward pass.
import type { Compiled } from './expr';
import { isIdentitySwitch, kinkSwitches } from './kinks';
import type { BatchBuffers, Network } from './network';

interface WatchedLayer {
  k: number; // 0-based layer
  switches: readonly Compiled[];
  base: Int8Array; // sign of switch s at entry i of u_k, at base[s·n + i] (n = rows × units)
}

export class KinkWatch {
  private readonly layers: WatchedLayer[] = [];

  /** `buf` holds a forward pass over the whole dataset at the base point. */
  constructor(net: Network, buf: BatchBuffers) {
    net.layers.forEach((l, k) => {
      const switches = kinkSwitches(l.config.activation);
      if (switches.length === 0) return;
      const u = buf.u[k];
      const n = buf.rows * l.units;
      const base = new Int8Array(switches.length * n);
      switches.forEach((s, si) => {
        for (let i = 0; i < n; i++) base[si * n + i] = Math.sign(s(u[i]));
      });
      this.layers.push({ k, switches, base });
    });
  }

  /** True when no layer has a kink (nothing to watch). */
  get empty(): boolean {
    return this.layers.length === 0;
  }

  /**
   * True when some pre-activation of layer `from` (0-based) or above sits on another piece than at the base
   * point (a switch changed sign, or became or stopped being 0). Layers below `from` do not depend on the
   * perturbed parameter and are not looked at. `buf` must hold a finite forward pass of the same rows.
   */
  moved(buf: BatchBuffers, from: number): boolean {
    for (const { k, switches, base } of this.layers) {
      if (k < from) continue;
      const u = buf.u[k];
      const n = base.length / switches.length;
      if (isIdentitySwitch(switches)) {
        for (let i = 0; i < n; i++) if (Math.sign(u[i]) !== base[i]) return true;
        continue;
      }
      for (let si = 0; si < switches.length; si++) {
        const s = switches[si];
        const off = si * n;
        for (let i = 0; i < n; i++) if (Math.sign(s(u[i])) !== base[off + i]) return true;
      }
    }
    return false;
  }
}
