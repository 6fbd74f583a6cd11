/**
 * Columns of one length carved from shared slabs, for a grid a read fills and a pool thread reads
 * (issue 15, promise 1). The landscape's Kendall grid is 375 columns of 14,000 values (42 MB):
 * made as separate arrays in one step of the read, zeroing and filling them held the event loop
 * for 80–170 ms, and posting them to the thread copied 42 MB for another 130–300 ms. A large
 * SharedArrayBuffer comes from the operating system already zeroed (no pass over it here, its
 * pages are touched as the read writes them), and a view of one is shared with the thread, not copied.
 */

/** Columns per slab: a slab of the landscape's Float64 columns is 7 MB. */
const PER_SLAB = 64;

export interface ColumnMaker<A> { next: () => A }

function maker<A>(length: number, bytesPer: number, view: (buffer: SharedArrayBuffer, offset: number, length: number) => A): ColumnMaker<A> {
  let slab: SharedArrayBuffer | null = null;
  let used = 0;
  return {
    next: () => {
      if (!slab || used === PER_SLAB) {
        slab = new SharedArrayBuffer(Math.max(1, PER_SLAB * length * bytesPer));
        used = 0;
      }
      return view(slab, used++ * length * bytesPer, length);
    },
  };
}

/** Float64 columns of `length` values, each starting at 0. */
export const float64Columns = (length: number): ColumnMaker<Float64Array> => maker(length, 8, (b, o, n) => new Float64Array(b, o, n));

/** Byte columns of `length` flags, each starting at 0 (which cells of a Float64 column hold a value). */
export const flagColumns = (length: number): ColumnMaker<Uint8Array> => maker(length, 1, (b, o, n) => new Uint8Array(b, o, n));
