//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// A dense index (0, 1, 2, …) into one kind of a ``Timetable``'s arrays, typed so that a stop's
/// index can never be passed where a trip's is expected.
public protocol DenseIndex: RawRepresentable, Hashable, Comparable, Sendable where RawValue == UInt32 {
    init(rawValue: UInt32)
}

extension DenseIndex {
    @inlinable public init(_ value: Int) { self.init(rawValue: UInt32(value)) }
    @inlinable public var int: Int { Int(rawValue) }
    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Dense index of a stop inside one ``Timetable`` (same as its index in ``GTFS/Feed/stops``).
/// Never persisted; map to the GTFS `stop_id` at the edges.
public struct StopIndex: DenseIndex {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
}

/// Dense index of a pattern: trips with the same stops and pickup/drop-off rules that never
/// overtake one another.
public struct PatternIndex: DenseIndex {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
}

/// Dense index of a timetable trip. A frequency-based GTFS trip becomes one timetable trip per
/// departure, so this is not the GTFS trip index: see ``Timetable/feedTrip``.
public struct TripIndex: DenseIndex {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
}

/// Compressed sparse rows (nigiri's `vecvec`): row `i` is `values[offsets[i] ..< offsets[i + 1]]`.
public struct JaggedArray<Element: Sendable>: Sendable {
    @usableFromInline var offsets: ContiguousArray<UInt32>
    @usableFromInline var values: ContiguousArray<Element>

    public init(rows: [[Element]]) {
        offsets = [0]
        offsets.reserveCapacity(rows.count + 1)
        values = []
        values.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for row in rows {
            values.append(contentsOf: row)
            offsets.append(UInt32(values.count))
        }
    }

    public var rowCount: Int { offsets.count - 1 }

    @inlinable
    public subscript(row: Int) -> ArraySlice<Element> {
        values[Int(offsets[row]) ..< Int(offsets[row + 1])]
    }

    @inlinable
    public func range(of row: Int) -> Range<Int> { Int(offsets[row]) ..< Int(offsets[row + 1]) }

    /// Bytes held by the storage (for memory reports).
    public var byteCount: Int {
        offsets.count * MemoryLayout<UInt32>.stride + values.count * MemoryLayout<Element>.stride
    }
}
