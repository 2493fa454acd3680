"""The registry's graph for network tools: GEXF 1.2 (Gephi, networkx) and Cytoscape.js JSON.

``qogam export --format gexf|cytoscape [-o PATH]``: people and organisations are the nodes
(their names, and ``kind`` person or organization with an organisation's type as
``classification``); posts, memberships and seats held on behalf of a body are the edges,
each with its ``kind`` (post, membership, on_behalf_of), ``role`` and dates
(:mod:`qogam.registry.core.services.graph`). Both are written as they are read, in batches.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any, BinaryIO
from xml.sax.saxutils import quoteattr

from qogam import __version__
from qogam.registry.core.exports import rows
from qogam.registry.core.exports.selection import ALL, Selection
from qogam.registry.core.services.graph import Edge, Node, registry_edges, registry_nodes

_NODE_ATTRIBUTES = ("kind", "classification")
_EDGE_ATTRIBUTES = ("kind", "role", "start", "end")


def _nodes(sel: Selection) -> Any:
    return registry_nodes(rows.people(sel), rows.organizations(sel))


def _edges(sel: Selection) -> Any:
    return registry_edges(rows.memberships(sel))


def write_cytoscape(out: BinaryIO, sel: Selection = ALL) -> None:
    """Cytoscape.js elements JSON: ``{"data": …, "elements": {"nodes": […], "edges": […]}}``."""
    header = json.dumps({"generator": f"qogam {__version__}", "name": "qogam registry"}, ensure_ascii=False)
    out.write(('{"data": ' + header + ', "elements": {"nodes": [').encode())
    _write_items(out, (_node_data(node) for node in _nodes(sel)))
    out.write(b'], "edges": [')
    _write_items(out, (_edge_data(edge) for edge in _edges(sel)))
    out.write(b"]}}\n")


def _write_items(out: BinaryIO, items: Iterable[dict[str, Any]]) -> None:
    """Cytoscape elements ``{"data": …}``, comma-separated, one a line, as they are read."""
    for n, data in enumerate(items):
        out.write((b",\n" if n else b"") + json.dumps({"data": data}, ensure_ascii=False).encode())


def _node_data(node: Node) -> dict[str, Any]:
    data = {"id": node.id, "label": node.label, "kind": node.kind}
    if node.classification:
        data["classification"] = node.classification
    return data


def _edge_data(edge: Edge) -> dict[str, Any]:
    data = {"id": edge.id, "source": edge.source, "target": edge.target, "kind": edge.kind, "role": edge.role}
    data.update({k: v for k, v in (("start", edge.start), ("end", edge.end)) if v})
    return data


def write_gexf(out: BinaryIO, sel: Selection = ALL) -> None:
    """GEXF 1.2: a directed static graph with the node and edge attributes of the module doc."""
    def put(text: str) -> None:
        out.write(text.encode("utf-8"))

    put('<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n')
    put(f'  <meta lastmodifieddate="{dt.date.today().isoformat()}"><creator>qogam {__version__}</creator>'
        "<description>People and organisations of the Qogam registry; posts, memberships and seats on behalf "
        "of a body</description></meta>\n")
    put('  <graph defaultedgetype="directed" mode="static">\n')
    for cls, names in (("node", _NODE_ATTRIBUTES), ("edge", _EDGE_ATTRIBUTES)):
        put(f'    <attributes class="{cls}">')
        put("".join(f'<attribute id="{n}" title="{n}" type="string"/>' for n in names))
        put("</attributes>\n")
    put("    <nodes>\n")
    for node in _nodes(sel):
        put(f"      <node id={quoteattr(node.id)} label={quoteattr(node.label)}>{_values(_node_data(node), _NODE_ATTRIBUTES)}</node>\n")
    put("    </nodes>\n    <edges>\n")
    for edge in _edges(sel):
        data = _edge_data(edge)
        put(f"      <edge id={quoteattr(edge.id)} source={quoteattr(edge.source)} target={quoteattr(edge.target)} "
            f"label={quoteattr(edge.role)}>{_values(data, _EDGE_ATTRIBUTES)}</edge>\n")
    put("    </edges>\n  </graph>\n</gexf>\n")


def _values(data: dict[str, Any], names: tuple[str, ...]) -> str:
    values = "".join(f'<attvalue for="{n}" value={quoteattr(str(data[n]))}/>' for n in names if data.get(n))
    return f"<attvalues>{values}</attvalues>" if values else ""
