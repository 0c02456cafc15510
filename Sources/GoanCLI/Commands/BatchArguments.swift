//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//


import ArgumentParser

/// The query file of a batch command: the columns it names in `--queries`' help and its reader.
protocol BatchQueryFile {
    associatedtype Query
    /// The columns of the file, as `--queries` describes them (e.g. `from_lat,from_lon,to_lat,to_lon`).
    static var columns: String { get }
    /// The file's queries in file order; throws a ``CLIError`` that names the file and line.
    static func read(_ path: String) throws -> [Query]
}

/// What the batch commands (`route-batch`, `roads batch`) share with each other and with their
/// peers (nigiri_ref.py, osm_ref.py): a CSV of queries in, a CSV of answers out, and the
/// timing of the queries.
struct BatchArguments<Queries: BatchQueryFile>: ParsableArguments {
    @Option(help: ArgumentHelp("CSV with \(Queries.columns)."))
    var queries: String

    @Option(help: "Where to write the answers (CSV).")
    var out: String

    @OptionGroup var timing: BatchTimingArguments

    /// The queries of `--queries`.
    func readQueries() throws -> [Queries.Query] { try Queries.read(queries) }

    /// Writes the answers, one line each, to `--out`.
    func writeAnswers(_ lines: [String]) throws { try OutputFile.write(lines: lines, to: out) }
}
