//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The server's idea of now (Unix seconds), for demos and tests that play a given day: every
/// offer, deadline and refusal is computed as if it were that time.
public enum ServerClock {
    /// Always `moment`.
    public static func fixed(_ moment: Int64) -> @Sendable () -> Int64 { { moment } }

    /// `start` when created, then running on with the system clock (`system`).
    public static func running(from start: Int64, system: @escaping @Sendable () -> Int64 = GoanAPI.systemNow) -> @Sendable () -> Int64 {
        let offset = start - system()
        return { system() + offset }
    }
}
