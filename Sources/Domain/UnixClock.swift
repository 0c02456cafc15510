//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation

/// Where "now" comes from, in Unix seconds. Everything time-dependent takes one (never the
/// system time directly), so that a demo, a test or the README can play a given day: the
/// system's clock, a fixed moment, or one that starts at a given moment and runs on.
public struct UnixClock: Sendable {
    /// The current moment, Unix seconds.
    public let now: @Sendable () -> Int64

    public init(_ now: @escaping @Sendable () -> Int64) {
        self.now = now
    }

    /// The system's clock.
    public static let system = UnixClock { Int64(Date().timeIntervalSince1970) }

    /// Always `moment`.
    public static func fixed(_ moment: Int64) -> UnixClock { UnixClock { moment } }

    /// `start` when created, then running on as `base` runs.
    public static func running(from start: Int64, on base: UnixClock = .system) -> UnixClock {
        let offset = start - base.now()
        return UnixClock { base.now() + offset }
    }
}
