"""Draw a TensorFlow graph as a static SVG, laid out top to bottom.

Pages ask for a diagram of a graph a snippet built (``diagram="name"`` on the
snippet fence); the build draws it from the real object, so the picture can
never disagree with the listing. Only the top-level graph is drawn: a loop or
a called function is one node, as it is one op in the graph.

No layout engine or JavaScript: a longest-path layering with a few barycentre
sweeps is plenty for the small graphs a page shows, and the output is the
same on every build.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

CHAR_W, NODE_H, GAP_X, GAP_Y, PAD = 7.2, 38, 18, 34, 12
MAX_NODES = 60


class DiagramError(Exception):
    """A diagram a page asked for cannot be drawn (no such global, not a
    graph, too large): recorded by the run step, reported by the fence."""


def graph_def_of(obj):
    """A GraphDef from a ConcreteFunction, a tf.Graph or a GraphDef."""
    if hasattr(obj, "graph") and hasattr(obj.graph, "as_graph_def"):
        obj = obj.graph
    if hasattr(obj, "as_graph_def"):
        obj = obj.as_graph_def()
    if not hasattr(obj, "node"):
        raise TypeError(f"cannot draw a {type(obj).__name__}: pass a graph or a concrete function")
    return obj


def svg(obj, title: str = "") -> str:
    """The graph of ``obj`` as an SVG element (no XML prologue: inline in HTML)."""
    nodes, edges = _nodes_and_edges(graph_def_of(obj))
    if len(nodes) > MAX_NODES:
        raise ValueError(f"{len(nodes)} ops is too many to draw legibly (max {MAX_NODES})")
    layers = _layers(nodes, edges)
    boxes = _place(nodes, layers)
    width = max(x + w for x, _, w in boxes.values()) + PAD
    height = max(y for _, y, _ in boxes.values()) + NODE_H + PAD
    parts = [
        f'<svg class="traced-graph" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}">',
        f"<title>{escape(title or 'traced graph')}</title>",
        '<defs><marker id="traced-arrow" viewBox="0 0 8 8" refX="7" refY="4" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L8,4 L0,8 z" class="traced-graph-arrow"/></marker></defs>',
    ]
    for src, dst, control in edges:
        (sx, sy, sw), (dx, dy, dw) = boxes[src], boxes[dst]
        x1, y1, x2, y2 = sx + sw / 2, sy + NODE_H, dx + dw / 2, dy
        mid = (y1 + y2) / 2
        dash = ' stroke-dasharray="4 3"' if control else ""
        parts.append(
            f'<path class="traced-graph-edge" d="M{x1:.1f},{y1:.1f} C{x1:.1f},{mid:.1f} '
            f'{x2:.1f},{mid:.1f} {x2:.1f},{y2 - 1:.1f}"{dash} marker-end="url(#traced-arrow)"/>'
        )
    for name, op in nodes.items():
        x, y, w = boxes[name]
        parts.append(
            f'<g class="traced-graph-node"><title>{escape(name)}: {escape(op)}</title>'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{NODE_H}" rx="6"/>'
            f'<text x="{x + w / 2:.1f}" y="{y + 16:.1f}" class="traced-graph-op">'
            f"{escape(op)}</text>"
            f'<text x="{x + w / 2:.1f}" y="{y + 30:.1f}" class="traced-graph-name">'
            f"{escape(name)}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _nodes_and_edges(graph_def):
    nodes = {node.name: node.op for node in graph_def.node}
    edges = []
    for node in graph_def.node:
        for source in node.input:
            control = source.startswith("^")
            source = source.lstrip("^").split(":")[0]
            if source in nodes and (source, node.name, control) not in edges:
                edges.append((source, node.name, control))
    return nodes, edges


def _layers(nodes, edges) -> list[list[str]]:
    """Longest-path layering, then barycentre sweeps to reduce crossings."""
    parents, children = defaultdict(list), defaultdict(list)
    for src, dst, _ in edges:
        parents[dst].append(src)
        children[src].append(dst)
    depth: dict[str, int] = {}

    def level(name, seen=()):
        if name not in depth:
            if name in seen:  # a cycle (never at a graph's top level): cut it
                return 0
            depth[name] = 1 + max((level(p, (*seen, name)) for p in parents[name]), default=-1)
        return depth[name]

    for name in nodes:
        level(name)
    layers: list[list[str]] = [[] for _ in range(max(depth.values(), default=0) + 1)]
    for name in nodes:  # graph order within a layer to start with
        layers[depth[name]].append(name)
    for _ in range(4):
        for i in range(1, len(layers)):
            _sort_by_neighbours(layers[i], layers[i - 1], parents)
        for i in range(len(layers) - 2, -1, -1):
            _sort_by_neighbours(layers[i], layers[i + 1], children)
    return layers


def _sort_by_neighbours(layer, other, neighbours):
    position = {name: i for i, name in enumerate(other)}
    current = {name: i for i, name in enumerate(layer)}

    def key(name):
        linked = [position[n] for n in neighbours[name] if n in position]
        return (sum(linked) / len(linked) if linked else current[name], current[name])

    layer.sort(key=key)


def _place(nodes, layers):
    widths = {name: max(len(op), len(name), 4) * CHAR_W + 16 for name, op in nodes.items()}
    rows = [sum(widths[n] for n in layer) + GAP_X * (len(layer) - 1) for layer in layers]
    full = max(rows, default=0)
    boxes = {}
    for i, layer in enumerate(layers):
        x = PAD + (full - rows[i]) / 2
        for name in layer:
            boxes[name] = (x, PAD + i * (NODE_H + GAP_Y), widths[name])
            x += widths[name] + GAP_X
    return boxes
