import * as assert from 'node:assert/strict';
import { KeyedDebouncer, Throttle, type Timers } from '../../../src/extension/debounce';

/** A manual clock: timers fire only when the test advances time. */
class FakeClock implements Timers {
  now = 0;
  private nextHandle = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.now + ms, fn });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = end;
  }
}

describe('extension: KeyedDebouncer', () => {
  it('runs only the last call of a burst, after the delay', () => {
    const clock = new FakeClock();
    const d = new KeyedDebouncer(clock);
    const calls: number[] = [];
    d.schedule('a', 400, () => calls.push(1));
    clock.advance(300);
    d.schedule('a', 400, () => calls.push(2));
    clock.advance(399);
    assert.deepEqual(calls, []);
    assert.equal(d.isPending('a'), true);
    clock.advance(1);
    assert.deepEqual(calls, [2]);
    assert.equal(d.isPending('a'), false);
  });

  it('keeps keys apart: one spec edit does not delay another spec', () => {
    const clock = new FakeClock();
    const d = new KeyedDebouncer(clock);
    const calls: string[] = [];
    d.schedule('a', 100, () => calls.push('a'));
    d.schedule('b', 50, () => calls.push('b'));
    clock.advance(100);
    assert.deepEqual(calls, ['b', 'a']);
  });

  it('cancel and dispose drop pending calls', () => {
    const clock = new FakeClock();
    const d = new KeyedDebouncer(clock);
    const calls: string[] = [];
    d.schedule('a', 10, () => calls.push('a'));
    d.schedule('b', 10, () => calls.push('b'));
    d.cancel('a');
    d.dispose();
    clock.advance(100);
    assert.deepEqual(calls, []);
  });
});

describe('extension: Throttle', () => {
  it('delivers the first value at once and the latest one at the end of the window', () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    const t = new Throttle<number>(100, (v) => seen.push(v), () => clock.now, clock);
    t.push(1);
    t.push(2);
    t.push(3);
    assert.deepEqual(seen, [1]);
    clock.advance(100);
    assert.deepEqual(seen, [1, 3]);
    clock.advance(500);
    t.push(4);
    assert.deepEqual(seen, [1, 3, 4]);
  });

  it('clear drops a held value; flush delivers it now', () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    const t = new Throttle<number>(100, (v) => seen.push(v), () => clock.now, clock);
    t.push(1);
    t.push(2);
    t.clear();
    clock.advance(200);
    assert.deepEqual(seen, [1]);
    t.push(3); // window over: immediate
    t.push(4);
    t.flush();
    assert.deepEqual(seen, [1, 3, 4]);
  });
});
