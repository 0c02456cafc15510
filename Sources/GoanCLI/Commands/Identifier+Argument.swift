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
extension BookingID: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = Int64(argument), value >= 1 else { return nil }
        self.init(rawValue: value)
    }
}

extension LegID: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = Int64(argument), value >= 1 else { return nil }
        self.init(rawValue: value)
    }
}

extension TravellerID: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
}

extension VolunteerID: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
}
