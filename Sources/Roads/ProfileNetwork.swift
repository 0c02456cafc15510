//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// One profile's prepared network: its nodes (OSM-id order), the snapping grid over its
/// largest strongly connected component, and its contraction hierarchy.
struct ProfileNetwork: Sendable {
    var profile: RoadProfile
    var osmIDs: [Int64]
    /// 1e-7 degrees.
    var latitudes: [Int32]
    var longitudes: [Int32]
    var snapper: NodeSnapper
    var hierarchy: ContractionHierarchy
    var statistics: Statistics

    /// Counts kept from preparation, for `goan roads info`.
    struct Statistics: Sendable, Hashable {
        var waysRead = 0
        var waysUsed = 0
        var arcs = 0
        var segments = 0
        var componentNodes = 0
        var components = 0
        var missingNodeReferences = 0
        var droppedSegments = 0
        var shortcuts = 0
        var totalMetres = 0.0
    }

    init(profile: RoadProfile, osmIDs: [Int64], latitudes: [Int32], longitudes: [Int32], snapper: NodeSnapper, hierarchy: ContractionHierarchy, statistics: Statistics) {
        self.profile = profile
        self.osmIDs = osmIDs
        self.latitudes = latitudes
        self.longitudes = longitudes
        self.snapper = snapper
        self.hierarchy = hierarchy
        self.statistics = statistics
    }

    /// Prepares `graph`: strongly connected components, snapping grid, hierarchy.
    init(graph: ProfileGraph, threads: Int? = nil) {
        let (component, count) = StrongComponents.largest(of: graph)
        var builder = HierarchyBuilder(graph: graph)
        let hierarchy = builder.build(threads: threads ?? ParallelItems.cores)
        self.init(
            profile: graph.profile, osmIDs: graph.osmIDs, latitudes: graph.latitudes, longitudes: graph.longitudes,
            snapper: NodeSnapper(nodes: component, latitudes: graph.latitudes, longitudes: graph.longitudes),
            hierarchy: hierarchy,
            statistics: Statistics(
                waysRead: graph.waysRead, waysUsed: graph.waysUsed, arcs: graph.arcCount, segments: graph.segments,
                componentNodes: component.count, components: count, missingNodeReferences: graph.missingNodeReferences,
                droppedSegments: graph.droppedSegments, shortcuts: builder.shortcuts, totalMetres: graph.totalMetres))
    }

    var nodeCount: Int { osmIDs.count }

    /// Seconds per tick at `speed` (m/s; foot and wheelchair only: car ticks are milliseconds).
    func secondsPerTick(speed: Double?) -> Double {
        switch profile {
        case .car: 0.001
        case .foot, .wheelchair: 0.001 / (speed ?? profile.defaultSpeed ?? 1)
        }
    }

    var memoryBytes: Int {
        osmIDs.count * 16 + snapper.cellNodes.count * 4 + snapper.cellFirst.count * 4 + hierarchy.memoryBytes
    }
}
