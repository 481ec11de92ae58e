// What a data reader (inline, CSV, generator) hands to the checks against the network.
import type { Dataset } from '../engine/types';
import type { DataSource, Range } from './types';

export interface Anchor {
  range: Range;
  path: string;
}

/** Asked before the data's arrays are allocated: may `samples` samples be used? (reports when not) */
export type Admit = (samples: number, at: Anchor) => boolean;

export interface LoadedData {
  /** y as read: one-hot rows or, for cross-entropy, possibly one column of class indices. */
  dataset: Dataset;
  /** Samples of the data set (a generated one may be read with fewer, just for its widths). */
  samples: number;
  source: DataSource;
  /** Where width errors go; `describe(width)` starts the message ("the rows of data.x have 2 values"). */
  xAt: Anchor & { describe(width: number): string };
  yAt: Anchor & { describe(width: number): string };
  /** Where a sample-count error goes (the activation-cells limit). */
  samplesAt: Anchor;
  /** Where an error about one target row goes, and how to name it. */
  yRow(i: number): Anchor & { label: string };
}
