//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser

/// A command whose output is the text that `execute()` returns (which the tests read).
protocol PrintingCommand: ParsableCommand {
    func execute() throws -> String
}

extension PrintingCommand {
    func run() throws {
        print(try execute())
    }
}
