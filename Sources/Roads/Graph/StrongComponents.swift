//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Strongly connected components (Tarjan 1972, iterative: a region's graph is far too deep
/// for recursion). O(nodes + arcs).
enum StrongComponents {
    /// The nodes of the largest component, ascending, and how many components there are.
    /// A tie in size goes to the component holding the smallest node index (= OSM id), as in
    /// the reference.
    static func largest(of graph: ProfileGraph) -> (nodes: [Int32], count: Int) {
        let n = graph.nodeCount
        guard n > 0 else { return ([], 0) }
        let (first, order) = graph.outgoing()
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int32] = []
        var work: [(node: Int32, next: Int32)] = []
        var counter: Int32 = 0
        var best: [Int32] = []
        var bestMin = Int32.max
        var components = 0
        for root in 0..<Int32(n) where index[Int(root)] < 0 {
            index[Int(root)] = counter
            low[Int(root)] = counter
            counter += 1
            stack.append(root)
            onStack[Int(root)] = true
            work.append((root, first[Int(root)]))
            while let top = work.last {
                let v = Int(top.node)
                if top.next < first[v + 1] {
                    work[work.count - 1].next += 1
                    let w = Int(graph.heads[Int(order[Int(top.next)])])
                    if index[w] < 0 {
                        index[w] = counter
                        low[w] = counter
                        counter += 1
                        stack.append(Int32(w))
                        onStack[w] = true
                        work.append((Int32(w), first[w]))
                    } else if onStack[w], index[w] < low[v] {
                        low[v] = index[w]
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last, low[v] < low[Int(parent.node)] { low[Int(parent.node)] = low[v] }
                    if low[v] == index[v] {
                        var component: [Int32] = []
                        var smallest = Int32.max
                        while let w = stack.popLast() {
                            onStack[Int(w)] = false
                            component.append(w)
                            smallest = min(smallest, w)
                            if Int(w) == v { break }
                        }
                        components += 1
                        if component.count > best.count || (component.count == best.count && smallest < bestMin) {
                            best = component
                            bestMin = smallest
                        }
                    }
                }
            }
        }
        best.sort()
        return (best, components)
    }
}
