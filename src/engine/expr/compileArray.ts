// Compiles a tree once into a kernel over arrays: out[i] = e(z[i]) for i < n. For elementwise activations
// this beats the scalar closure tree (./compile.ts) several times over: every node becomes one tight loop
// over a chunk of CHUNK values (no call per node per value), and equal subtrees are computed once
// (sigmoid(z) in 'sigmoid(z) + z * (sigmoid(z) * sigmoid(-z))').
//
// Each node owns a CHUNK-long register allocated at compile time (nodes × 4 KiB, stays in cache); the
// input chunk is copied into z's register and the root's register is copied out, so `out` may be `z`.
// Results are bit-identical to compileExpr: the same float64 operations in the same order.
import type { Expr } from './ast';
import { formatExpr } from './format';
import { sech, sigmoid, sign } from './stableMath';

export type ArrayKernel = (z: Float64Array, out: Float64Array, n: number) => void;

const CHUNK = 512;

type Step = (len: number) => void;

class KernelBuilder {
  readonly steps: Step[] = [];
  readonly input = new Float64Array(CHUNK);
  private readonly registers = new Map<string, Float64Array>(); // by formatted subtree: shared subterms

  register(e: Expr): Float64Array {
    if (e.kind === 'variable') return this.input;
    const key = formatExpr(e);
    let r = this.registers.get(key);
    if (r === undefined) {
      r = new Float64Array(CHUNK);
      this.emit(e, r); // operands first, then this node: steps run in dependency order
      this.registers.set(key, r);
    }
    return r;
  }

  private emit(e: Expr, o: Float64Array): void {
    switch (e.kind) {
      case 'number':
        o.fill(e.value); // never written again
        return;
      case 'variable':
        return;
      case 'negate': {
        const a = this.register(e.arg);
        this.steps.push((len) => {
          for (let i = 0; i < len; i++) o[i] = -a[i];
        });
        return;
      }
      case 'binary':
        this.binary(e.op, this.register(e.left), e.right, o);
        return;
      case 'call':
        if (e.args.length === 1) this.unaryCall(e.fn, this.register(e.args[0]), o);
        else this.binaryCall(e.fn, this.register(e.args[0]), this.register(e.args[1]), o);
        return;
      case 'select': {
        const l = this.register(e.left);
        const r = this.register(e.right);
        const x = this.register(e.ifGe);
        const y = this.register(e.ifLt);
        this.steps.push((len) => {
          for (let i = 0; i < len; i++) o[i] = l[i] >= r[i] ? x[i] : y[i];
        });
      }
    }
  }

  private binary(op: '+' | '-' | '*' | '/' | '^', a: Float64Array, right: Expr, o: Float64Array): void {
    const b = this.register(right);
    let step: Step;
    switch (op) {
      case '+':
        step = (len) => {
          for (let i = 0; i < len; i++) o[i] = a[i] + b[i];
        };
        break;
      case '-':
        step = (len) => {
          for (let i = 0; i < len; i++) o[i] = a[i] - b[i];
        };
        break;
      case '*':
        step = (len) => {
          for (let i = 0; i < len; i++) o[i] = a[i] * b[i];
        };
        break;
      case '/':
        step = (len) => {
          for (let i = 0; i < len; i++) o[i] = a[i] / b[i];
        };
        break;
      case '^':
        step =
          right.kind === 'number' && right.value === 2
            ? (len) => {
                for (let i = 0; i < len; i++) o[i] = a[i] * a[i];
              }
            : (len) => {
                for (let i = 0; i < len; i++) o[i] = a[i] ** b[i];
              };
    }
    this.steps.push(step);
  }

  private unaryCall(fn: string, a: Float64Array, o: Float64Array): void {
    const f = UNARY[fn];
    if (f === undefined) throw new Error(`compileArrayExpr: unknown function ${fn}`);
    this.steps.push(f(a, o));
  }

  private binaryCall(fn: string, a: Float64Array, b: Float64Array, o: Float64Array): void {
    if (fn === 'max') {
      this.steps.push((len) => {
        for (let i = 0; i < len; i++) o[i] = Math.max(a[i], b[i]);
      });
    } else if (fn === 'min') {
      this.steps.push((len) => {
        for (let i = 0; i < len; i++) o[i] = Math.min(a[i], b[i]);
      });
    } else {
      throw new Error(`compileArrayExpr: unknown function ${fn}`);
    }
  }
}

// One loop literal per function, so each loop calls one known function (inlined by the JIT).
const UNARY: Record<string, (a: Float64Array, o: Float64Array) => Step> = {
  exp: (a, o) => (len) => {
    for (let i = 0; i < len; i++) o[i] = Math.exp(a[i]);
  },
  log: (a, o) => (len) => {
    for (let i = 0; i < len; i++) o[i] = Math.log(a[i]);
  },
  tanh: (a, o) => (len) => {
    for (let i = 0; i < len; i++) o[i] = Math.tanh(a[i]);
  },
  sigmoid: (a, o) => (len) => {
    for (let i = 0; i < len; i++) o[i] = sigmoid(a[i]);
  },
  abs: (a, o) => (len) => {
    for (let i = 0; i < len; i++) o[i] = Math.abs(a[i]);
  },
  sqrt: (a, o) => (len) => {
    for (let i = 0; i < len; i++) o[i] = Math.sqrt(a[i]);
  },
  sech: (a, o) => (len) => {
    for (let i = 0; i < len; i++) o[i] = sech(a[i]);
  },
  sign: (a, o) => (len) => {
    for (let i = 0; i < len; i++) o[i] = sign(a[i]);
  },
};

export function compileArrayExpr(e: Expr): ArrayKernel {
  const builder = new KernelBuilder();
  const result = builder.register(e);
  const { input, steps } = builder;
  const count = steps.length;
  return (z, out, n) => {
    for (let start = 0; start < n; start += CHUNK) {
      const len = Math.min(CHUNK, n - start);
      for (let i = 0; i < len; i++) input[i] = z[start + i];
      for (let s = 0; s < count; s++) steps[s](len);
      for (let i = 0; i < len; i++) out[start + i] = result[i];
    }
  };
}
