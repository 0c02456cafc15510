//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS

/// The days each trip runs, as deduplicated bitsets over the timetable's day range
/// (nigiri's `bitfields_`): a feed has few distinct day sets, so trips share them.
public struct ServiceDays: Sendable {
    /// Day 0 of every bitset.
    public let firstDate: ServiceDate
    /// Number of days covered.
    public let dayCount: Int
    /// Bitset `b` has words `words[b * wordsPerSet ..< (b + 1) * wordsPerSet]`.
    @usableFromInline let words: ContiguousArray<UInt64>
    @usableFromInline let wordsPerSet: Int
    public var setCount: Int { wordsPerSet == 0 ? 0 : words.count / wordsPerSet }

    init(firstDate: ServiceDate, dayCount: Int, sets: [[UInt64]]) {
        self.firstDate = firstDate
        self.dayCount = dayCount
        self.wordsPerSet = max(1, (dayCount + 63) / 64)
        var words = ContiguousArray<UInt64>()
        for set in sets { words.append(contentsOf: set) }
        self.words = words
    }

    /// Whether bitset `set` contains `day` (days outside the range are never active).
    @inlinable
    public func contains(set: Int, day: Int) -> Bool {
        guard day >= 0, day < dayCount else { return false }
        return words[set * wordsPerSet + day >> 6] & (1 << UInt64(day & 63)) != 0
    }

    /// The index of `date` in the range (may be outside `0 ..< dayCount`).
    public func dayIndex(of date: ServiceDate) -> Int { date.dayNumber - firstDate.dayNumber }

    public var byteCount: Int { words.count * 8 }
}

/// Builds deduplicated bitsets.
struct ServiceDaysBuilder {
    let firstDate: ServiceDate
    let dayCount: Int
    var sets: [[UInt64]] = []
    var indexOfSet: [[UInt64]: Int] = [:]

    init(firstDate: ServiceDate, dayCount: Int) {
        self.firstDate = firstDate
        self.dayCount = dayCount
    }

    /// The index of the bitset of `service`'s active days.
    mutating func index(of service: Service) -> Int {
        var bits = [UInt64](repeating: 0, count: max(1, (dayCount + 63) / 64))
        for day in 0 ..< dayCount where service.isActive(on: firstDate.adding(days: day)) {
            bits[day >> 6] |= 1 << UInt64(day & 63)
        }
        return index(of: bits)
    }

    mutating func index(of bits: [UInt64]) -> Int {
        if let found = indexOfSet[bits] { return found }
        sets.append(bits)
        indexOfSet[bits] = sets.count - 1
        return sets.count - 1
    }

    func build() -> ServiceDays { ServiceDays(firstDate: firstDate, dayCount: dayCount, sets: sets) }
}
