"""How big and how fast: the benchmark behind ``make bench`` and the README's "Scale and speed".

One run measures, per size and on the same synthetic data (``graph.synth``):
generation, loading into pyoxigraph (``graph.store.load_store``), each competency
query's median and p95, the same queries on rdflib's in-memory ``Dataset`` with a
union default graph under a time cap (row counts compared), each export format
(``graph.exports``), the network page (``graph.viz``, when there is one) and the
peak memory of every step. Each step runs in a fresh interpreter, so its peak RSS
is its own and a slow one can be killed. The real seed graph's build is timed too.

>>> SIZES["1M"]    # authorities, years, articles per inspection given to graph.synth
(153, 13, 4)
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import math
import multiprocessing
import os
import platform
import re
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import GraphError, ParameterError
from .files import write_atomic
from .namespace import sparql_prologue

#: Size name -> (authorities, years, articles per inspection) for ``graph.synth``.
#: Each gives at least its name in distinct triples (the quads, one per named graph's triple, are more).
SIZES = {"10k": (5, 6, 2), "100k": (57, 6, 2), "1M": (153, 13, 4), "2M": (153, 13, 9)}
DEFAULT_SIZES = ("10k", "100k", "1M")
SEED = 1
RUNS = 20  # timed runs of a query on pyoxigraph, after one warm-up, within RUN_BUDGET seconds
RUN_BUDGET = 1.5
QUERY_CAP = 20.0  # seconds a pyoxigraph query may take before its process is killed (and restarted)
RDFLIB_RUNS, RDFLIB_RUN_BUDGET = 3, 5.0
RDFLIB_BUDGET = 12  # rdflib's whole step (load and queries) per size may take this many query caps
CHILD_CAP = 600.0  # seconds any other step may take before it is killed
VIZ_CAP = 60.0
#: The targets the README's table marks met or missed.
LOAD_LIMIT_S, QUERY_LIMIT_MS, SPEEDUP_MIN, MEMORY_LIMIT_MB, SEED_LIMIT_S = 15.0, 100.0, 20.0, 1536.0, 2.0
README_START, README_END = "<!-- bench:results -->", "<!-- /bench:results -->"


@dataclass(frozen=True)
class Query:
    """A competency query: file stem, its ``# title:``, the text to run (prologue included),
    and the variable its ``# parameters:`` line names, if any (the question is about one value of it)."""

    name: str
    title: str
    text: str
    parameter: str | None = None


@dataclass(frozen=True)
class Report:
    """What ``bench`` measured (``data``, as in results.json), as Markdown, and the files written."""

    data: dict
    markdown: str
    paths: list[Path]


def discover_queries(folder: Path) -> list[Query]:
    """Every ``*.rq`` in ``folder``, sorted, read as the library reads it, with the SPARQL prologue."""
    from .queries import read_question  # here, so a measuring child never imports pyoxigraph it does not use

    return [Query(q.name, q.title, sparql_prologue() + q.text, q.parameter)
            for q in map(read_question, sorted(folder.glob("*.rq")))]


def machine() -> dict:
    """CPU model, cores, RAM, OS, Python and library versions of this machine."""
    cpuinfo = Path("/proc/cpuinfo")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.M) if cpuinfo.exists() else None
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return {
        "cpu": model.group(1).strip() if model else platform.processor() or platform.machine(),
        "cores": os.cpu_count(), "ram_gib": round(ram / 2**30, 1),
        "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
        **{package: importlib.metadata.version(package) for package in ("pyoxigraph", "rdflib", "pyshacl")},
    }


# --- steps in child processes ----------------------------------------------------------


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _timed_runs(run: Callable[[], int], runs: int, budget: float) -> tuple[list[float], int]:
    """Call ``run`` up to ``runs`` times (at least once) while under ``budget`` seconds; times in ms and rows."""
    times, rows, spent = [], 0, 0.0
    while len(times) < runs and (not times or spent < budget):
        start = time.perf_counter()
        rows = run()
        elapsed = time.perf_counter() - start
        times.append(elapsed * 1000)
        spent += elapsed
    return times, rows


def _rows(result: object) -> int:
    """Rows of a SELECT, triples of a CONSTRUCT, 1 for a true ASK (pyoxigraph's and rdflib's results)."""
    import pyoxigraph as ox

    if isinstance(result, ox.QueryBoolean) or getattr(result, "type", None) == "ASK":
        return int(bool(result))
    return sum(1 for _ in result)


class _Expired(BaseException):
    """A query ran out of its time (a BaseException, so no ``except Exception`` in a library swallows it)."""


def _expire(signum: int, frame: object) -> None:
    raise _Expired


def _run_queries(send, queries: list[tuple[str, str]], run: Callable[[str], object], runs: int, budget: float, *,
                 warm_up: bool, cap: float | None = None, until: float = math.inf) -> None:
    """Time each query, sending ``("query", name, times, rows)``, ``("failed", name, why)``,
    ``("expired", name, seconds)`` when it runs past ``cap`` seconds or the monotonic time ``until``,
    or ``("skipped", name)`` when ``until`` has passed before it starts."""
    for name, text in queries:
        allowed = min(cap or math.inf, until - time.monotonic())
        if allowed <= 0:
            send(("skipped", name))
            continue
        if allowed < math.inf:
            signal.signal(signal.SIGALRM, _expire)
            signal.setitimer(signal.ITIMER_REAL, allowed)
        try:
            start = time.perf_counter()
            rows = _rows(run(text)) if warm_up else None
            warm = time.perf_counter() - start
            if warm_up and warm > budget:  # too slow to repeat: the warm-up is its one measurement
                times = [warm * 1000]
            else:
                times, rows = _timed_runs(lambda: _rows(run(text)), runs, budget)
        except _Expired:
            send(("expired", name, allowed))
        except Exception as e:  # noqa: BLE001 - one query an engine cannot run must not stop the others
            send(("failed", name, f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"))
        else:
            send(("query", name, times, rows))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _generate_step(send, parameters: tuple, seed: int, out: str, root: str) -> None:
    from .synth import synth

    start = time.perf_counter()
    result = synth(*parameters, seed, Path(out), root=Path(root))
    send(("done", {"seconds": time.perf_counter() - start, "quads": result.quads,
                   "named_graphs": result.named_graphs, "mb": result.trig.stat().st_size / 2**20,
                   "peak_mb": _peak_mb()}))


def _oxigraph_step(send, data: str, queries: list[tuple[str, str]]) -> None:
    from .store import load_store

    start = time.perf_counter()
    store = load_store(Path(data))
    seconds = time.perf_counter() - start
    send(("loaded", seconds, int(next(iter(store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")))["n"].value)))
    _run_queries(send, queries, store.query, RUNS, RUN_BUDGET, warm_up=True)
    send(("done", _peak_mb()))


def _bound_step(send, data: str, queries: list[tuple[str, str, str]]) -> None:
    """Each parametrised question as a user asks it: for one value of its parameter, bound the way
    ``ofsted-kg query --param`` binds it. The value is the middle one of the question's own answers."""
    import pyoxigraph as ox

    from .query import with_values
    from .store import load_store

    store = load_store(Path(data))
    found = {}
    for name, text, parameter in queries:
        values = sorted({row[parameter].value for row in store.query(text) if row[parameter] is not None})
        if not values:
            found[name] = {"status": "no values"}
            continue
        value = values[len(values) // 2]
        bound = {ox.Variable(parameter): ox.NamedNode(value)}
        steered = with_values(text, bound)
        times, rows = _timed_runs(lambda: _rows(store.query(steered, substitutions=bound)), RUNS, RUN_BUDGET)
        found[name] = {**_summary(("query", name, times, rows)), "parameter": parameter, "value": value}
    send(("done", found))


def _rdflib_step(send, data: str, queries: list[tuple[str, str]], cap: float, until: float) -> None:
    import rdflib

    start = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data, format="trig")
    send(("loaded", time.perf_counter() - start))
    _run_queries(send, queries, dataset.query, RDFLIB_RUNS, RDFLIB_RUN_BUDGET, warm_up=False, cap=cap, until=until)
    send(("done", _peak_mb()))


def _export_step(send, data: str) -> None:
    import pyoxigraph as ox

    from .exports import FORMATS, export_order, serialise

    quads = list(ox.parse(path=data, format=ox.RdfFormat.TRIG))
    start = time.perf_counter()
    ordered = export_order(quads)
    result = {"order_s": time.perf_counter() - start}
    for key, fmt in FORMATS.items():
        start = time.perf_counter()
        size = len(serialise(ordered, fmt))
        result[key] = {"seconds": time.perf_counter() - start, "mb": size / 2**20}
    send(("done", {**result, "peak_mb": _peak_mb()}))


def _viz_step(send, data: str, out: str) -> None:
    if importlib.util.find_spec("graph.viz") is None:
        send(("done", {"status": "not available"}))
        return
    from .viz import viz

    start = time.perf_counter()
    viz(Path(data), out=Path(out))
    send(("done", {"status": "ok", "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}))


def _seed_step(send, root: str, out: str) -> None:
    from .build import build, validate

    def median_of(call: Callable[[], object]) -> tuple[float, float]:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        return times[0], statistics.median(times[1:])

    build_first, build_median = median_of(lambda: build(Path(root), out=Path(out)))
    validate_first, validate_median = median_of(lambda: validate(Path(root)))
    graphs = validate(Path(root)).graphs
    send(("done", {"quads": sum(len(t) for t in graphs.values()), "triples": len(set().union(*graphs.values())),
                   "build_first_s": build_first, "build_median_s": build_median,
                   "validate_first_s": validate_first, "validate_median_s": validate_median}))


def _run_step(connection, step: Callable, args: tuple) -> None:
    """The entry point of a child: run ``step``, sending its messages (and any error) to the parent."""
    try:
        step(connection.send, *args)
    except Exception as e:  # noqa: BLE001 - reported to the parent, which shows it in the results
        connection.send(("error", f"{type(e).__name__}: {e}"))
    finally:
        connection.close()


class _Child:
    """A step in a fresh interpreter; its messages arrive through a pipe, and it can be killed."""

    def __init__(self, step: Callable, *args: object):
        context = multiprocessing.get_context("spawn")
        self.connection, theirs = context.Pipe(duplex=False)
        self.process = context.Process(target=_run_step, args=(theirs, step, args), daemon=True)
        self.process.start()
        theirs.close()

    def receive(self, timeout: float) -> tuple | None:
        """The next message, ``None`` if none came within ``timeout`` seconds; ``GraphError`` if the step failed."""
        if not self.connection.poll(max(timeout, 0)):
            return None
        try:
            message = self.connection.recv()
        except EOFError:
            self.process.join()
            raise GraphError(f"a benchmark step died (exit code {self.process.exitcode})") from None
        if message[0] == "error":
            raise GraphError(f"a benchmark step failed: {message[1]}")
        return message

    def peak_mb(self) -> float | None:
        """Its peak RSS so far (``VmHWM``), for a step about to be killed."""
        status = Path(f"/proc/{self.process.pid}/status")
        found = re.search(r"VmHWM:\s+(\d+) kB", status.read_text()) if status.exists() else None
        return round(int(found.group(1)) / 1024, 1) if found else None

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


def _single(step: Callable, *args: object, cap: float = CHILD_CAP) -> dict | None:
    """Run a step that sends one ``("done", result)``; ``None`` if it did not finish within ``cap``."""
    child = _Child(step, *args)
    try:
        message = child.receive(cap)
        return message[1] if message else None
    finally:
        child.stop()


def _summary(message: tuple) -> dict:
    """A query's median, p95 (nearest rank), runs and rows from its ``query``, ``failed`` or ``expired`` message."""
    if message[0] == "failed":
        return {"status": f"failed: {message[2]}"}
    if message[0] == "expired":
        return {"status": "timed out", "after_s": round(message[2], 1)}
    if message[0] == "skipped":
        return {"status": "not run"}
    times, rows = message[2], message[3]
    ordered = sorted(times)
    return {"median_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(ordered[math.ceil(0.95 * len(ordered)) - 1], 2), "runs": len(ordered), "rows": rows}


def _oxigraph(data: Path, queries: list[Query]) -> dict:
    """pyoxigraph's load and queries; a query still running after ``QUERY_CAP`` seconds is killed with
    its process and marked timed out, and the queries after it go on in a new process."""
    result: dict = {"queries": {}, "peak_mb": 0.0}
    pending = list(queries)
    while pending:
        child = _Child(_oxigraph_step, str(data), [(q.name, q.text) for q in pending])
        try:
            message = child.receive(CHILD_CAP)
            if message is None:
                raise GraphError(f"pyoxigraph did not load {data} within {CHILD_CAP:.0f} s")
            result.setdefault("load_s", round(message[1], 3))
            result.setdefault("triples", message[2])
            while pending:
                message = child.receive(QUERY_CAP + RUN_BUDGET)
                if message is None:
                    result["queries"][pending.pop(0).name] = {"status": "timed out", "after_s": QUERY_CAP}
                    result["peak_mb"] = max(result["peak_mb"], child.peak_mb() or 0.0)
                    break
                result["queries"][pending.pop(0).name] = _summary(message)
            else:
                done = child.receive(CHILD_CAP)
                result["peak_mb"] = max(result["peak_mb"], done[1] if done else child.peak_mb() or 0.0)
        finally:
            child.stop()
    return result


def _rdflib(data: Path, queries: list[Query], cap: float) -> dict:
    """rdflib's load and queries in one process: each query may take ``cap`` seconds (all its runs),
    and the whole step ``RDFLIB_BUDGET`` caps; what runs out is reported as timed out."""
    until = time.monotonic() + RDFLIB_BUDGET * cap  # monotonic clocks are system-wide on Linux
    child = _Child(_rdflib_step, str(data), [(q.name, q.text) for q in queries], cap, until)
    result: dict = {"cap_s": cap, "queries": {}, "peak_mb": None}
    unfinished = {"status": "not run"}
    try:
        margin = 1 + RDFLIB_BUDGET * cap / 10  # for the child to notice its own time is up and say so
        while (message := child.receive(until - time.monotonic() + margin)) is not None:
            if message[0] == "loaded":
                result["load_s"] = round(message[1], 3)
            elif message[0] == "done":
                result["peak_mb"] = message[1]
                break
            else:
                result["queries"][message[1]] = _summary(message)
        else:
            result["peak_mb"] = child.peak_mb()
    except GraphError as e:  # rdflib's process failed or died (out of memory, say): keep what it measured
        unfinished = {"status": f"failed: {e}"}
    finally:
        child.stop()
    result.setdefault("load_s", unfinished["status"])
    for query in queries:
        result["queries"].setdefault(query.name, unfinished)
    return result


# --- the run ------------------------------------------------------------------------------


def _compare(ox_result: dict, rdflib_result: dict) -> tuple[dict, list[dict]]:
    """Speed-up per query (a lower bound ``>N`` where rdflib timed out) and row-count mismatches."""
    speedups, mismatches = {}, []
    for name, mine in ox_result["queries"].items():
        theirs = rdflib_result["queries"].get(name, {})
        if "median_ms" not in mine:
            continue
        if "median_ms" in theirs:
            speedups[name] = round(theirs["median_ms"] / max(mine["median_ms"], 1e-3), 1)
            if theirs["rows"] != mine["rows"]:
                mismatches.append({"query": name, "pyoxigraph_rows": mine["rows"], "rdflib_rows": theirs["rows"]})
        elif theirs.get("after_s"):
            speedups[name] = f">{theirs['after_s'] * 1000 / max(mine['median_ms'], 1e-3):.0f}"
    return speedups, mismatches


def _size(name: str, queries: list[Query], work: Path, root: Path, rdflib_cap: float, say: Callable) -> dict:
    parameters = SIZES[name]
    say(f"{name}: generating {parameters}")
    generated = _single(_generate_step, parameters, SEED, str(work / name), str(root))
    if generated is None:
        raise GraphError(f"generating {name} took more than {CHILD_CAP:.0f} s")
    data = work / name / "synthetic.trig"
    say(f"{name}: {generated['quads']} quads; pyoxigraph load and queries")
    oxigraph = _oxigraph(data, queries)
    asked = [(q.name, q.text, q.parameter) for q in queries if q.parameter]
    oxigraph["bound"] = (_single(_bound_step, str(data), asked) or {}) if asked else {}
    say(f"{name}: rdflib (cap {rdflib_cap:.0f} s)")
    rdf = _rdflib(data, queries, rdflib_cap)
    say(f"{name}: exports and network page")
    exports = _single(_export_step, str(data)) or {"status": "timed out"}
    try:
        page = _single(_viz_step, str(data), str(work / name / "network.html"), cap=VIZ_CAP) or {"status": "timed out"}
    except GraphError as e:  # the page's own limits or bugs are results too
        page = {"status": f"failed: {e}"}
    speedups, mismatches = _compare(oxigraph, rdf)
    return {"name": name, "parameters": dict(zip(("authorities", "years", "articles_per_inspection"), parameters)),
            "quads": generated["quads"], "triples": oxigraph.pop("triples"), "named_graphs": generated["named_graphs"],
            "generate": {key: round(value, 3) for key, value in generated.items() if key not in ("quads", "named_graphs")},
            "pyoxigraph": oxigraph, "rdflib": rdf, "speedup": speedups, "mismatches": mismatches,
            "exports": _rounded(exports), "network_page": _rounded(page)}


def _rounded(values: dict) -> dict:
    return {k: _rounded(v) if isinstance(v, dict) else round(v, 3) if isinstance(v, float) else v
            for k, v in values.items()}


def _as_asked(oxigraph: dict) -> dict[str, dict]:
    """Each query's timing as a user asks it: bound to one value where it has a parameter, else whole."""
    return {name: oxigraph["bound"].get(name, whole) for name, whole in oxigraph["queries"].items()}


def _targets(seed: dict, sizes: dict[str, dict]) -> list[dict]:
    """Each target of the issue, with what was measured and whether it was met (None: not measured)."""
    def target(what: str, measured: str | None, met: bool | None) -> dict:
        return {"target": what, "measured": measured or "not measured", "met": met}

    big, mid = sizes.get("1M"), sizes.get("100k")
    rows = [target(f"seed graph: `ofsted-kg build` under {SEED_LIMIT_S:.0f} s", f"{seed['cli_build_s']:.2f} s",
                   seed["cli_build_s"] < SEED_LIMIT_S)]
    if big:
        load = big["pyoxigraph"]["load_s"]
        rows.append(target(f"1M: load under {LOAD_LIMIT_S:.0f} s", f"{load:.1f} s", load < LOAD_LIMIT_S))
        medians = {q: r.get("median_ms", math.inf) for q, r in _as_asked(big["pyoxigraph"]).items()}
        slow = [q for q, ms in medians.items() if ms >= QUERY_LIMIT_MS]
        worst = max(medians.values())
        rows.append(target(f"1M: every query median under {QUERY_LIMIT_MS:.0f} ms (a parametrised question for one "
                           "value, as asked)",
                           f"slowest {worst:.0f} ms" + (f" ({', '.join(sorted(slow))})" if slow else ""), not slow))
        peak = big["pyoxigraph"]["peak_mb"]
        rows.append(target(f"1M: peak memory under {MEMORY_LIMIT_MB / 1024:.1f} GB", f"{peak:.0f} MB",
                           peak < MEMORY_LIMIT_MB))
    else:
        rows += [target(f"1M: {what}", None, None) for what in ("load", "query medians", "peak memory")]
    if mid:
        ratios = [float(str(r).lstrip(">")) for r in mid["speedup"].values()]
        missing = len(mid["pyoxigraph"]["queries"]) - len(ratios)
        least = min(ratios) if ratios else None
        measured = None if least is None else f"least {least:.0f}x" + (f" ({missing} not measured)" if missing else "")
        rows.append(target(f"100k: every query at least {SPEEDUP_MIN:.0f}x faster than rdflib", measured,
                           None if least is None else False if least < SPEEDUP_MIN else True if not missing else None))
    else:
        rows.append(target(f"100k: {SPEEDUP_MIN:.0f}x faster than rdflib", None, None))
    return rows


def _seed(root: Path, work: Path) -> dict:
    """The real graph: ``build()`` and ``validate()`` in a fresh process, then ``ofsted-kg build`` as users run it."""
    seed = _single(_seed_step, str(root), str(work / "seed-exports"))
    if seed is None:
        raise GraphError(f"building the seed graph took more than {CHILD_CAP:.0f} s")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "graph", "build", "--root", str(root), "--out",
                           str(work / "cli-exports")], capture_output=True, text=True)
    if done.returncode:
        raise GraphError(f"ofsted-kg build failed: {(done.stderr.strip().splitlines() or ['?'])[-1]}")
    return _rounded({**seed, "cli_build_s": time.perf_counter() - start})


def bench(sizes: Sequence[str] = DEFAULT_SIZES, *, queries: Path | None = None, rdflib_cap: float = 10.0,
          out: Path | None = Path("bench"), root: Path = Path("."), readme: Path | None = None,
          progress: Callable[[str], None] = lambda message: None) -> Report:
    """Measure every size in ``sizes`` (names of ``SIZES``); write results.json, results.md and
    scaling.svg into ``out`` (unless None) and the table into ``readme`` between its bench markers.

    ``queries`` defaults to ``ontology/queries/`` under ``root``.
    """
    unknown = [s for s in sizes if s not in SIZES]
    if unknown or not sizes:
        raise ParameterError(f"sizes {', '.join(unknown) or '(none)'}: choose from {', '.join(SIZES)}")
    if not rdflib_cap > 0:
        raise ParameterError(f"rdflib cap must be a positive number of seconds, not {rdflib_cap}")
    from .queries import QUERIES

    folder = queries if queries is not None else root / QUERIES
    found = discover_queries(folder)
    if not found:
        raise ParameterError(f"queries {folder}: no .rq files there")
    loads = [os.getloadavg()[0]]  # the machine may be shared: say how busy it was
    with tempfile.TemporaryDirectory(prefix="okg-bench-") as tmp:
        work = Path(tmp)
        progress("seed graph: build and validate")
        seed = _seed(root, work)
        measured = {}
        for name in sizes:
            loads.append(os.getloadavg()[0])
            measured[name] = _size(name, found, work, root, rdflib_cap, progress)
    loads.append(os.getloadavg()[0])
    data = {"machine": {**machine(), "load_average": [min(loads), max(loads)]}, "queries_from": str(folder),
            "seed": SEED,
            "queries": {q.name: q.title for q in found}, "seed_graph": seed,
            "sizes": list(measured.values()), "targets": _targets(seed, measured)}
    markdown = render(data)
    paths = write(data, markdown, out, readme) if out else []
    return Report(data, markdown, paths)


# --- output -----------------------------------------------------------------------------------


def _ms(entry: dict) -> str:
    return f"{entry['median_ms']:.1f} / {entry['p95_ms']:.1f}" if "median_ms" in entry else entry["status"]


def render(data: dict) -> str:
    """The results as Markdown tables (what the README's "Scale and speed" shows)."""
    m = data["machine"]
    seed = data["seed_graph"]
    low, high = m["load_average"]
    lines = [f"Measured on {m['cpu']}, {m['cores']} cores, {m['ram_gib']} GiB RAM, {m['os']}; Python {m['python']}, "
             f"pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}; 1-minute load average {low:.1f} to {high:.1f} "
             "during the run (the benchmark keeps about 1 busy: the rest was other work on the machine). "
             f"Queries from `{data['queries_from']}`.", "",
             "| target | measured | |", "|---|---|---|"]
    lines += [f"| {t['target']} | {t['measured']} | "
              f"{'met' if t['met'] else 'not measured' if t['met'] is None else '**missed**'} |" for t in data["targets"]]
    lines += ["", f"Seed graph ({seed['quads']:,} quads, {seed['triples']:,} distinct triples): `ofsted-kg build` {seed['cli_build_s']:.2f} s from the "
                  f"command line; `build()` {seed['build_first_s']:.2f} s first call, {seed['build_median_s']:.2f} s "
                  f"after; `validate()` {seed['validate_first_s']:.2f} s first, {seed['validate_median_s']:.2f} s after.",
              "", "| size | N / Y / K | distinct triples | quads | graphs | generate | pyoxigraph load | peak RSS | "
                  "rdflib load | rdflib peak RSS |", "|---|---|---|---|---|---|---|---|---|---|"]
    for s in data["sizes"]:
        p, rdf = s["parameters"], s["rdflib"]
        rdf_load = f"{rdf['load_s']:.1f} s" if isinstance(rdf.get("load_s"), float) else rdf.get("load_s", "-")
        rdf_peak = f"{rdf['peak_mb']:.0f} MB" if rdf["peak_mb"] else "-"
        lines.append(f"| {s['name']} | {p['authorities']} / {p['years']} / {p['articles_per_inspection']} | "
                     f"{s['triples']:,} | {s['quads']:,} | {s['named_graphs']:,} | {s['generate']['seconds']:.1f} s | "
                     f"{s['pyoxigraph']['load_s']:.2f} s | {s['pyoxigraph']['peak_mb']:.0f} MB | {rdf_load} | "
                     f"{rdf_peak} |")
    lines += ["", "Query times in ms, median / p95 (pyoxigraph: up to 20 runs after a warm-up; rdflib: up to 3 runs, "
                  "capped), rows returned, and how many times faster pyoxigraph is:", "",
              "| query | size | pyoxigraph | rdflib | speed-up | rows |", "|---|---|---|---|---|---|"]
    for name in data["queries"]:
        for s in data["sizes"]:
            mine, theirs = s["pyoxigraph"]["queries"][name], s["rdflib"]["queries"][name]
            rows = str(mine.get("rows", "-")) + ("" if theirs.get("rows", mine.get("rows")) == mine.get("rows")
                                                 else f" (rdflib {theirs['rows']})")
            speedup = s["speedup"].get(name, "-")
            lines.append(f"| {name} | {s['name']} | {_ms(mine)} | {_ms(theirs)} | "
                         f"{speedup}{'x' if speedup != '-' else ''} | {rows} |")
    asked = sorted({name for s in data["sizes"] for name in s["pyoxigraph"].get("bound", {})})
    if asked:
        lines += ["", "Parametrised questions asked as a user asks them, for one value (the middle one of the "
                      "question's answers), bound as `ofsted-kg query --param` binds it; median / p95 ms and rows. "
                      "The table above runs them for every value at once.", "",
                  "| query | " + " | ".join(s["name"] for s in data["sizes"]) + " |",
                  "|---|" + "---|" * len(data["sizes"])]
        for name in asked:
            entries = [s["pyoxigraph"].get("bound", {}).get(name, {"status": "-"}) for s in data["sizes"]]
            parameter = next((e["parameter"] for e in entries if "parameter" in e), "")
            cells = [f"{_ms(e)} ({e['rows']})" if "rows" in e else _ms(e) for e in entries]
            lines.append(f"| {name} (?{parameter}) | " + " | ".join(cells) + " |")
    lines += ["", "| size | export order | ttl | trig | nt | jsonld | exports peak RSS | network page |",
              "|---|---|---|---|---|---|---|---|"]
    for s in data["sizes"]:
        e, page = s["exports"], s["network_page"]
        formats = [f"{e[k]['seconds']:.2f} s ({e[k]['mb']:.0f} MB)" for k in ("ttl", "trig", "nt", "jsonld")] \
            if "order_s" in e else ["timed out"] * 4
        page_text = f"{page['seconds']:.1f} s" if page.get("status") == "ok" else page["status"]
        lines.append(f"| {s['name']} | {e.get('order_s', 0):.2f} s | {' | '.join(formats)} | "
                     f"{e.get('peak_mb', 0):.0f} MB | {page_text} |")
    mismatches = [f"{s['name']} {m['query']}: pyoxigraph {m['pyoxigraph_rows']} rows, rdflib {m['rdflib_rows']}"
                  for s in data["sizes"] for m in s["mismatches"]]
    lines += ["", "Row counts: " + ("; ".join(mismatches) if mismatches else
                                    "pyoxigraph and rdflib agree on every query that rdflib finished.")]
    return "\n".join(lines) + "\n"


def plot(data: dict, path: Path) -> bool:
    """Draw load time and query medians against size, log-log, as a deterministic SVG; False without matplotlib."""
    if importlib.util.find_spec("matplotlib") is None:
        return False
    import io

    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot
    from matplotlib.lines import Line2D

    matplotlib.rcParams["svg.hashsalt"] = "ofsted-kg"
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: smaller, searchable
    sizes = data["sizes"]
    x = [s["triples"] for s in sizes]
    palette = pyplot.get_cmap("tab20").colors
    colours = {name: palette[i % len(palette)] for i, name in enumerate(data["queries"])}
    styles = {"pyoxigraph": "o-", "rdflib": "s--"}
    figure, (left, right) = pyplot.subplots(1, 2, figsize=(10, 5.6))
    for engine, style in styles.items():
        points = [(n, s[engine]["load_s"]) for n, s in zip(x, sizes) if isinstance(s[engine].get("load_s"), float)]
        if points:
            left.plot(*zip(*points), style, color="black", label=engine)
        for name, colour in colours.items():
            points = [(n, s[engine]["queries"][name]["median_ms"]) for n, s in zip(x, sizes)
                      if "median_ms" in s[engine]["queries"][name]]
            if points:  # rdflib in grey: its level matters more than which line is which
                right.plot(*zip(*points), style, color=colour if engine == "pyoxigraph" else "0.65",
                           linewidth=1.2 if engine == "pyoxigraph" else 0.8, markersize=4 if engine == "pyoxigraph" else 3)
    left.axhline(LOAD_LIMIT_S, color="grey", linestyle=":", linewidth=1)
    right.axhline(QUERY_LIMIT_MS, color="grey", linestyle=":", linewidth=1)
    left.set(title=f"Load time (dotted: {LOAD_LIMIT_S:.0f} s target)", ylabel="seconds")
    right.set(title=f"Query median (dotted: {QUERY_LIMIT_MS:.0f} ms target)", ylabel="milliseconds")
    for axes in (left, right):
        axes.set(xscale="log", yscale="log", xlabel="distinct triples")
        axes.grid(True, which="major", linewidth=0.4)
    left.legend(fontsize=8, loc="upper left")
    handles = [Line2D([], [], color=c, linewidth=2) for c in colours.values()]
    handles += [Line2D([], [], color="black", linestyle="-", marker="o"),
                Line2D([], [], color="0.65", linestyle="--", marker="s")]
    labels = [*colours, "pyoxigraph (colour: query)", "rdflib (grey: where it finished)"]
    figure.legend(handles, labels, loc="lower center", ncol=4, fontsize=7, frameon=False)
    rows = math.ceil(len(labels) / 4)
    figure.tight_layout(rect=(0, 0.035 * rows + 0.02, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    pyplot.close(figure)
    write_atomic(path, buffer.getvalue())
    return True


def write(data: dict, markdown: str, out: Path, readme: Path | None) -> list[Path]:
    """results.json, results.md and scaling.svg into ``out``; the table into ``readme`` between its markers."""
    paths = [out / "results.json", out / "results.md"]
    write_atomic(paths[0], (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode())
    write_atomic(paths[1], markdown.encode())
    if plot(data, out / "scaling.svg"):
        paths.append(out / "scaling.svg")
    if readme is not None:
        text = readme.read_text(encoding="utf-8")
        start, end = text.find(README_START), text.find(README_END)
        if start < 0 or end < start:
            raise ParameterError(f"readme {readme}: no {README_START} ... {README_END} block to fill")
        write_atomic(readme, (text[: start + len(README_START)] + "\n" + markdown + text[end:]).encode())
        paths.append(readme)
    return paths
