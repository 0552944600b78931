"""Summarise a trace written by tf.profiler: the steps, the top op types by
time, and which planes (host, devices) hold events.

A trace is an XSpace protocol buffer (``*.xplane.pb``), the file TensorBoard's
Profile tab reads. TensorFlow ships its schema, but in a module that is not a
public API (``tensorflow.tsl.profiler.protobuf``): it may move in a release.
"""

import collections
import pathlib
import re

from tensorflow.tsl.profiler.protobuf import xplane_pb2

OP_EVENT = re.compile(
    r"^[^:]+:(?P<type>_?[A-Z]\w*)$"
)  # "MatMul_1:MatMul", "m:_MklMatMul"


def load(logdir):
    """The newest trace under ``logdir`` and its path relative to it."""
    files = sorted(pathlib.Path(logdir).rglob("*.xplane.pb"))
    space = xplane_pb2.XSpace()
    space.ParseFromString(files[-1].read_bytes())
    return space, files[-1].relative_to(logdir)


def events(plane):
    """(line name, event name, duration in ms) for every event of a plane."""
    names = plane.event_metadata
    for line in plane.lines:
        for event in line.events:
            yield (
                line.name,
                names[event.metadata_id].name,
                event.duration_ps / 1e9,
            )


def summarise(logdir, step_name, top=4):
    space, path = load(logdir)
    # The run's folder is named after the time, the file after the machine.
    print("trace file:", "/".join(path.parts[:-2]) + "/<run>/<host>.xplane.pb")
    planes = [plane for plane in space.planes if plane.lines]
    steps = [
        ms
        for plane in planes
        for _, name, ms in events(plane)
        if name == step_name
    ]
    print(
        f"steps traced: {len(steps)}, {sum(steps) / len(steps):.1f} ms each"
        " on average"
    )
    for plane in planes:
        by_type, threads = collections.Counter(), set()
        for line, name, ms in events(plane):
            match = OP_EVENT.match(name)
            if match:
                by_type[match["type"]] += ms
                threads.add(line)
        if not by_type:
            continue
        total = sum(by_type.values())
        print(
            f"{plane.name}: TensorFlow ops on {len(threads)} thread(s),"
            f" {total:.1f} ms in all"
        )
        print(f"  {'op type':<16}{'ms':>8}{'share':>8}")
        for op_type, ms in by_type.most_common(top):
            print(f"  {op_type:<16}{ms:8.1f}{ms / total:8.0%}")
    devices = [p.name for p in planes if p.name.startswith("/device:")]
    print(
        "device planes:",
        ", ".join(devices)
        if devices
        else "none; every op ran on the host's CPU threads",
    )
