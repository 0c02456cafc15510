//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import GTFS
import Testing

/// Damaged input must give diagnostics, never a crash: every prefix of every file of the base
/// feed, and seeded random damage to bytes and to fields. (Run with more rounds, 20,000 per
/// seed, this found the crash on an empty trip_id in the first stop_times row.)
@Suite struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Loads `files`; the result must be consistent: a feed exactly when there is no error.
    static func check(_ files: [String: [UInt8]]) throws -> Bool {
        let (feed, diagnostics) = try Feed.inspect(.inMemory(files))
        let hasError = diagnostics.contains { $0.severity == .error }
        return (feed == nil) == hasError && diagnostics.allSatisfy { !$0.file.isEmpty && !$0.message.isEmpty }
    }

    @Test(arguments: MalformedFeedTests.base.keys.sorted())
    func everyPrefixOfAFile(_ name: String) throws {
        let files = MalformedFeedTests.files([])
        let bytes = files[name]!
        var inconsistent: [Int] = []
        var failed = 0
        for length in 0 ..< bytes.count {
            var damaged = files
            damaged[name] = Array(bytes[..<length])
            if try !Self.check(damaged) { inconsistent.append(length) }
            if try Feed.inspect(.inMemory(damaged)).0 == nil { failed += 1 }
        }
        #expect(inconsistent.isEmpty)
        // Cutting a required file down to nothing or to half a header must fail.
        #expect(failed > 0 || !["agency.txt", "stops.txt", "routes.txt", "trips.txt", "stop_times.txt"].contains(name))
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomByteDamage(_ seed: Int) throws {
        var random = SplitMix(state: UInt64(seed))
        let files = MalformedFeedTests.files([])
        let names = files.keys.sorted()
        let alphabet = Array("\",\n\r 0123456789:-.abcdefghijklmnopqrstuvwxyzSTBPRC\u{0}".utf8) + [0xFF, 0xEF, 0xBB, 0xBF]
        var inconsistent: [String] = []
        for round in 0 ..< 400 {
            var damaged = files
            for _ in 0 ..< Int.random(in: 1 ... 4, using: &random) {
                let name = names.randomElement(using: &random)!
                var bytes = damaged[name]!
                guard !bytes.isEmpty else { continue }
                let at = Int.random(in: 0 ..< bytes.count, using: &random)
                switch Int.random(in: 0 ..< 3, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random)!
                case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                default: bytes.remove(at: at)
                }
                damaged[name] = bytes
            }
            if try !Self.check(damaged) { inconsistent.append("seed \(seed) round \(round)") }
        }
        #expect(inconsistent.isEmpty)
    }

    /// Values that are valid somewhere, invalid elsewhere, or at a limit.
    static let trickyValues = [
        "", " ", "0", "1", "2", "3", "4", "5", "-1", "2147483648", "99999999999999999999", "1e10", "nan", "inf", "0.5",
        "00:00:00", "23:59:59", "24:00:00", "999:59:59", "10:00", "20260101", "20261231", "20260230", "ST", "P1", "B",
        "C", "T1", "T2", "R1", "S", "A", "\"\"", "\"x,y\"", "Europe/London", "Mars/Base",
    ]

    @Test(arguments: [11, 12, 13, 14])
    func randomFieldDamage(_ seed: Int) throws {
        var random = SplitMix(state: UInt64(seed))
        let names = MalformedFeedTests.base.keys.sorted()
        var inconsistent: [String] = []
        var loaded = 0
        for round in 0 ..< 500 {
            var lines = MalformedFeedTests.base
            for _ in 0 ..< Int.random(in: 1 ... 3, using: &random) {
                let name = names.randomElement(using: &random)!
                var rows = lines[name]!.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
                guard !rows.isEmpty else { continue }
                let row = Int.random(in: 0 ..< rows.count, using: &random)
                switch Int.random(in: 0 ..< 4, using: &random) {
                case 0: rows.append(rows[row])  // a duplicate row
                case 1: rows.remove(at: row)
                default:
                    let column = Int.random(in: 0 ..< rows[row].count, using: &random)
                    rows[row][column] = Self.trickyValues.randomElement(using: &random)!
                }
                lines[name] = rows.map { $0.joined(separator: ",") }
            }
            let files = lines.mapValues { Array(($0.joined(separator: "\n") + "\n").utf8) }
            if try !Self.check(files) { inconsistent.append("seed \(seed) round \(round)") }
            if try Feed.inspect(.inMemory(files)).0 != nil { loaded += 1 }
        }
        #expect(inconsistent.isEmpty)
        // Some damage is harmless (a duplicated transfer), most is not.
        #expect(loaded > 0 && loaded < 500)
    }

    @Test func hugeNumbersDoNotTrap() throws {
        let files = MalformedFeedTests.files([
            .replace("stop_times.txt", "C,3,0,0", "C,99999999999999999999,0,0"),
            .replace("stop_times.txt", "T2,11:20:00,11:20:00,C,3", "T2,999:59:59,999:59:59,C,3"),
            .replace("stops.txt", "52.01", "1e400"),
            .replace("frequencies.txt", "600,0", "1e300,0"),
            .replace("transfers.txt", "2,120", "2,-9223372036854775808"),
        ])
        let (feed, diagnostics) = try Feed.inspect(.inMemory(files))
        #expect(feed == nil)
        let errors = diagnostics.filter { $0.severity == .error }.map { "\($0.file):\($0.column ?? "")" }
        #expect(Set(errors) == ["stop_times.txt:stop_sequence", "stops.txt:stop_lat", "frequencies.txt:headway_secs", "transfers.txt:min_transfer_time"])
    }
}
