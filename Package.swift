// swift-tools-version: 6.0
//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import PackageDescription

/// Swift-6 hygiene for every target (as Hummingbird's Package.swift does).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    // ROUTING_INTERNAL_CHECKS: when defined, `Timetable.checkInvariants()` verifies the
    // pattern and trip-ordering invariants after every build (slow; for debugging only).
    // .define("ROUTING_INTERNAL_CHECKS"),
]

let package = Package(
    name: "goan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "goan", targets: ["goan"]),
        .library(name: "GTFS", targets: ["GTFS"]),
        .library(name: "Transit", targets: ["Transit"]),
        .library(name: "Mobility", targets: ["Mobility"]),
        .library(name: "Planner", targets: ["Planner"]),
        .library(name: "RideDispatch", targets: ["RideDispatch"]),
        .library(name: "FleetDispatch", targets: ["FleetDispatch"]),
        .library(name: "Domain", targets: ["Domain"]),
        .library(name: "Roads", targets: ["Roads"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.60.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        // Tests only: reads the OpenAPI document to check the routes against it.
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.0"),
    ],
    targets: [
        // The vocabulary every module shares: the seeded random generator, the clock, strict
        // reading of JSON data files. No dependency at all.
        .target(name: "Domain", swiftSettings: swiftSettings),
        // The system zlib (zlib1g-dev), for the compressed blocks of OSM PBF files.
        .systemLibrary(name: "CGoanZlib"),
        // The street network: OSM PBF reading, the car/foot/wheelchair profiles of ROADS.md,
        // contraction hierarchies, snapping, matrices and the .roads file. No package dependency.
        // Optimised in debug builds too: tests prepare street networks (contraction
        // hierarchies), which unoptimised code does a hundred times slower.
        .target(
            name: "Roads", dependencies: ["CGoanZlib"],
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Reading GTFS from a directory or a .zip: typed records, diagnostics with file, line, column.
        .target(
            name: "GTFS",
            dependencies: ["Domain", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        // The compact timetable and the RAPTOR family. No third-party dependency.
        .target(name: "Transit", dependencies: ["GTFS"], swiftSettings: swiftSettings),
        // On-demand services (Regiotaxi, AutoMaatje): rules, eligibility, fares, road model, supply.
        .target(name: "Mobility", dependencies: ["GTFS", "Domain", "Roads"], swiftSettings: swiftSettings),
        // Multimodal planning: RAPTOR plus on-demand access, egress and direct legs, with reasons.
        .target(name: "Planner", dependencies: ["Transit", "Mobility", "Domain"], swiftSettings: swiftSettings),
        // The dial-a-ride solver: model, route evaluation, construction, large neighbourhood search.
        // No package dependency (the product's heart). Named RideDispatch, not Dispatch: that
        // name is taken by the system's libdispatch, which Foundation imports.
        .target(name: "RideDispatch", dependencies: ["Domain"], swiftSettings: swiftSettings),
        // The day's operations: rides of a day (booked or from a rides file), vehicles' shifts
        // and volunteers' windows, the day dispatcher and the booking-time insertion check.
        .target(name: "FleetDispatch", dependencies: ["Mobility", "RideDispatch", "GTFS", "Domain"], swiftSettings: swiftSettings),
        // Bookings: the lifecycle as a pure state machine, the store protocol and its durable
        // SQLite implementation (GRDB), and the desk that turns a planned offer into legs booked
        // with their services (insertion check for Regiotaxi, volunteer offers for AutoMaatje).
        .target(
            name: "Bookings",
            dependencies: ["Planner", "Mobility", "FleetDispatch", "GTFS", "Transit", "Domain", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
        // The HTTP API (Hummingbird 2) after TOMP-API, with its OpenAPI document.
        .target(
            name: "GoanServer",
            dependencies: [
                "Bookings", "Planner", "Mobility", "FleetDispatch", "GTFS", "Transit", "Domain",
                .product(name: "Hummingbird", package: "hummingbird"),
                // The connection limit (MaximumAvailableConnections).
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: swiftSettings),
        // Simulation of demand scenarios: scenario files, seeded travellers and trips, the day
        // loop through the real planner, booking desk and dispatcher, KPIs and the HTML report.
        .target(
            name: "Simulation",
            dependencies: [
                "Bookings", "Planner", "Mobility", "FleetDispatch", "GTFS", "Transit", "Domain",
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings),
        // The `goan` command tree as a library, so tests run commands in-process.
        .target(
            name: "GoanCLI",
            dependencies: [
                "GTFS", "Transit", "Mobility", "Planner", "RideDispatch", "FleetDispatch", "Bookings", "GoanServer", "Simulation", "Domain", "Roads",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "goan", dependencies: ["GoanCLI"], swiftSettings: swiftSettings),
        // The benchmarks behind Tools/bench_*.sh (not part of `goan`): `goan-bench planner|insertion|feasibility|roads-grid`.
        .executableTarget(
            name: "goan-bench",
            dependencies: ["Planner", "FleetDispatch", "RideDispatch", "Mobility", "Transit", "GTFS", "Domain", "Roads", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Tools/Benchmarks/GoanBench", swiftSettings: swiftSettings),
        // Used only by tests: inline GTFS feeds written as multi-line strings.
        .target(name: "TestSupport", dependencies: ["GTFS", "Transit", "Mobility", "Planner", "Bookings", "Roads"], swiftSettings: swiftSettings),
        .testTarget(name: "RoadsTests", dependencies: ["Roads"], swiftSettings: swiftSettings),
        .testTarget(name: "GTFSTests", dependencies: ["GTFS", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TransitTests", dependencies: ["Transit", "GTFS", "TestSupport"],
            exclude: ["MMRI.md", "ModuleTests/README.md"], swiftSettings: swiftSettings),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Domain", "Bookings", "Planner", "Mobility", "FleetDispatch", "GTFS", "Transit", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "BookingsTests", dependencies: ["Bookings", "Domain", "FleetDispatch", "Planner", "Mobility", "GTFS", "Transit", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GoanServerTests",
            dependencies: [
                "GoanServer", "Bookings", "Domain", "TestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings),
        .testTarget(name: "RideDispatchTests", dependencies: ["RideDispatch", "Domain", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FleetDispatchTests", dependencies: ["FleetDispatch", "RideDispatch", "Mobility", "Planner", "GTFS", "Domain", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "MobilityTests", dependencies: ["Mobility", "GTFS", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PlannerTests", dependencies: ["Planner", "Mobility", "Transit", "GTFS", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "GoanCLITests",
            dependencies: ["GoanCLI", "Planner", "TestSupport", "Domain", "Bookings", "Roads", "Mobility", "GTFS", "Transit", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: swiftSettings),
    ]
)
