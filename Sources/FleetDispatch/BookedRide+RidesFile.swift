//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import GTFS
import Mobility

extension BookedRide {
    /// The columns of a rides file, in the order `Tools/twente/build_rides.py` writes them.
    static let ridesFileColumns = [
        "ride_id", "traveller_id", "service", "from_name", "from_lat", "from_lon", "to_name", "to_lat", "to_lon", "pickup", "seats", "wheelchair",
    ]

    /// Reads a rides file; errors name the line and the column. An optional column `needs` holds
    /// the traveller's CROW codes separated by spaces (`HR-02 AV-03`); without it, `wheelchair`
    /// 1 stands for HR-01.
    public static func load(_ path: String) throws -> [BookedRide] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RulesError(file: path, field: nil, message: "cannot read the file")
        }
        let table = CSVTable(file: URL(fileURLWithPath: path).lastPathComponent, bytes: [UInt8](data))
        if let problem = table.diagnostics.first(where: { $0.severity == .error }) {
            throw RulesError(file: path, field: nil, message: problem.description)
        }
        var index: [String: Int] = [:]
        for name in ridesFileColumns {
            guard let column = table.column(name) else { throw RulesError(file: path, field: name, message: "required column is missing") }
            index[name] = column
        }
        let needsColumn = table.column("needs")
        var rides: [BookedRide] = []
        for row in 0 ..< table.rowCount {
            let line = Int(table.rowLine[row])
            func text(_ name: String) -> String { table.string(row: row, column: index[name]) }
            func number(_ name: String) throws -> Double {
                guard let value = Double(text(name)) else {
                    throw RulesError(file: path, field: "line \(line): \(name)", message: "'\(text(name))' is not a number")
                }
                return value
            }
            guard let service = TravelMode(rawValue: text("service")), service.isOnDemand else {
                throw RulesError(file: path, field: "line \(line): service", message: "'\(text("service"))' is not regiotaxi or automaatje")
            }
            guard let pickup = ClockTime.seconds(text("pickup")) else {
                throw RulesError(file: path, field: "line \(line): pickup", message: "'\(text("pickup"))' is not a time (expected HH:MM)")
            }
            guard let seats = Int(text("seats")), (1 ... 8).contains(seats) else {
                throw RulesError(file: path, field: "line \(line): seats", message: "'\(text("seats"))' is not 1…8")
            }
            var codes: [CROWCode] = []
            if let needsColumn {
                for word in table.string(row: row, column: needsColumn).split(separator: " ") {
                    guard let code = CROWCode(rawValue: String(word)) else {
                        throw RulesError(file: path, field: "line \(line): needs", message: "'\(word)' is not \(CROWCode.expectedValues)")
                    }
                    codes.append(code)
                }
            }
            if codes.isEmpty && text("wheelchair") == "1" { codes = [.wheelchairStandard] }
            rides.append(BookedRide(
                id: RideID(text("ride_id")), traveller: TravellerID(text("traveller_id")), service: service, fromName: text("from_name"),
                from: Coordinate(latitude: try number("from_lat"), longitude: try number("from_lon")), toName: text("to_name"),
                to: Coordinate(latitude: try number("to_lat"), longitude: try number("to_lon")), pickup: Int(pickup / 60),
                seats: seats, codes: codes))
        }
        return rides
    }
}
