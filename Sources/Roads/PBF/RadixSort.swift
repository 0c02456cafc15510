//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Sorting and deduplicating node ids: a region references ~20 M of them, which `sort()`
/// takes seconds over; an LSD radix sort on `id - min` (OSM ids span ~34 bits: 3–4 passes of
/// 11 bits) takes a fraction of that.
enum RadixSort {
    /// Sorts `ids` ascending and removes repeats, in place (the array of a region is large:
    /// no second copy).
    static func sortUnique(_ ids: inout [Int64]) {
        if ids.count < 4096 {
            ids.sort()
        } else {
            radixSort(&ids)
        }
        guard !ids.isEmpty else { return }
        var kept = 1
        for i in 1..<ids.count where ids[i] != ids[kept &- 1] {
            ids[kept] = ids[i]
            kept &+= 1
        }
        ids.removeLast(ids.count &- kept)
    }

    private static func radixSort(_ ids: inout [Int64]) {
        guard let low = ids.min(), let high = ids.max() else { return }
        // `high - low` fits in 64 bits unsigned, whatever the signs.
        let span = UInt64(bitPattern: high &- low)
        let bits = 64 - span.leadingZeroBitCount
        let digitBits = 11
        let buckets = 1 << digitBits
        let mask = UInt64(buckets - 1)
        var scratch = [Int64](repeating: 0, count: ids.count)
        var counts = [Int](repeating: 0, count: buckets)
        var shift = 0
        while shift < bits {
            ids.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        for i in 0..<buckets { counts[i] = 0 }
                        for id in source { counts[Int((UInt64(bitPattern: id &- low) >> UInt64(shift)) & mask)] &+= 1 }
                        var total = 0
                        for i in 0..<buckets {
                            let c = counts[i]
                            counts[i] = total
                            total &+= c
                        }
                        for id in source {
                            let digit = Int((UInt64(bitPattern: id &- low) >> UInt64(shift)) & mask)
                            target[counts[digit]] = id
                            counts[digit] &+= 1
                        }
                    }
                }
            }
            swap(&ids, &scratch)
            shift += digitBits
        }
    }
}
