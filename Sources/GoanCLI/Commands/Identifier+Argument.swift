//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import ArgumentParser
public import Domain

// The typed ids as command-line arguments: a number for bookings and legs, the text of the
// data files for travellers and volunteers.
extension NumberID: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = Int64(argument), value >= 1 else { return nil }
        self.init(rawValue: value)
    }
}

extension TextID: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
}

extension TripPart: ExpressibleByArgument {}

extension TargetGroup: ExpressibleByArgument {}
