//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Sentinels of the search. Values are argued, not `.max`: Swift traps on overflow, so adding a
/// walk or a transfer time to `Int32.max` would crash (R5 warns about the same in Java).
public enum RaptorConstants {
    /// "Not reached" for a forward search: far below `Int32.max`, so adding a few days of
    /// seconds cannot overflow.
    public static let unreachedForward: Int32 = 2_000_000_000
    /// "Not reached" for a backward (arrive-by) search.
    public static let unreachedBackward: Int32 = -2_000_000_000
}

/// The direction of a search, fixed at compile time so the hot loop is specialised for each
/// (nigiri's `search<Dir>`): forward finds earliest arrivals, backward latest departures.
protocol SearchDirection {
    static var isForward: Bool { get }
}

enum ForwardSearch: SearchDirection {
    @inline(__always) static var isForward: Bool { true }
}

enum BackwardSearch: SearchDirection {
    @inline(__always) static var isForward: Bool { false }
}

extension SearchDirection {
    @inline(__always) static var unreached: Int32 {
        isForward ? RaptorConstants.unreachedForward : RaptorConstants.unreachedBackward
    }

    /// Whether time `a` is strictly better than `b` (earlier forward, later backward).
    @inline(__always) static func isBetter(_ a: Int32, _ b: Int32) -> Bool { isForward ? a < b : a > b }

    /// `time` moved by `seconds` in the search direction.
    @inline(__always) static func advance(_ time: Int32, by seconds: Int32) -> Int32 {
        isForward ? time &+ seconds : time &- seconds
    }
}
