#!/usr/bin/python3
"""Writes the expected files of AlembicParityTests: real Alembic's answers for a corpus of
revision graphs.

Run it with Debian's python3-alembic (1.8.1; /usr/bin/python3, in case another Python comes
first on the PATH), from any directory:

    /usr/bin/python3 migrations-core/src/test/resources/alembic-parity/generate.py

It rewrites cases/*.txt next to this script. The build never runs it: the files it wrote
are committed, and the test reads them.

Each case is a list of revisions in load order. For each case the script writes one
Alembic script directory, one file per revision, named {position}_{revision}.py, and asks
Alembic for `history`, `heads`, `upgrade base:heads --sql`, `downgrade heads:base --sql`,
`upgrade X:Y --sql` and `downgrade X:<label>@base --sql`. The test writes the same
revisions as SQL files named {position}_{revision}.sql and asks Migrations the same.

Load order. Alembic loads a version directory in the order os.listdir gives (the file
system's, unspecified); Migrations loads by location, then by path within the location,
lexicographically. So this script sorts Alembic's listing (Script._list_py_dir) the same
way; with names that begin with the position, both load the revisions in the order of the
case. Nothing else of Alembic is changed.

Several depends_on of one revision are not in the corpus: Alembic keeps a revision's
dependencies in a Python set (RevisionMap._normalize_depends_on), so the order in which it
walks two of them depends on the process's string hashing (PYTHONHASHSEED), and no fixed
order can match it. The script checks that its answers do not depend on the hashing: it
runs itself again with two fixed PYTHONHASHSEED values and compares the files.
"""

import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import traceback

import alembic
import sqlalchemy
from alembic import command
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from alembic.script.base import Script

HERE = os.path.dirname(os.path.abspath(__file__))

_listing = Script._list_py_dir.__func__


def _sorted_listing(cls, scriptdir, path):
    return sorted(_listing(cls, scriptdir, path))


Script._list_py_dir = classmethod(_sorted_listing)

ENV_PY = """\
from alembic import context

context.configure(url="postgresql://localhost/parity", literal_binds=True)
with context.begin_transaction():
    context.run_migrations()
"""


def rev(id_, down=(), depends_on=(), labels=()):
    return (id_, tuple(down), tuple(depends_on), tuple(labels))


# Hand-written graphs. Load order is the order of each list.
CASES = {
    "linear": [rev("a1"), rev("b2", ["a1"]), rev("c3", ["b2"]), rev("d4", ["c3"]), rev("e5", ["d4"])],
    "diamond": [rev("a1"), rev("b2", ["a1"]), rev("c3", ["a1"]), rev("d4", ["b2", "c3"]), rev("e5", ["d4"])],
    "diamond_branch_loaded_last": [rev("a1"), rev("d4", ["c3", "b2"]), rev("c3", ["a1"]), rev("b2", ["a1"])],
    "uneven_branches": [
        rev("base1"), rev("l1", ["base1"]), rev("l2", ["l1"]), rev("l3", ["l2"]), rev("r1", ["base1"]),
        rev("m1", ["base1"]), rev("m2", ["m1"]), rev("top", ["l3", "r1", "m2"]),
    ],
    "branches_left_open": [
        rev("a1"), rev("b1", ["a1"]), rev("b2", ["b1"]), rev("c1", ["a1"]), rev("c2", ["c1"]), rev("d1", ["b1"]),
    ],
    "sample_app": [
        rev("001"), rev("3f2a9c1b7d4e", ["001"]), rev("7c1e5a2b9d30", ["3f2a9c1b7d4e"]),
        rev("a1b2c3d4e5f6", ["7c1e5a2b9d30"], labels=["conversations"]),
        rev("b7e8f9a0c1d2", ["7c1e5a2b9d30"], labels=["recurring"]),
        rev("c4d5e6f7a8b9", ["a1b2c3d4e5f6", "b7e8f9a0c1d2"]),
    ],
    "labelled_branches": [
        rev("t1"), rev("t2", ["t1"]), rev("f1", ["t2"], labels=["feature"]), rev("f2", ["f1"]),
        rev("x1", ["t2"], labels=["fix"]), rev("f3", ["f2"]), rev("x2", ["x1"]), rev("t3", ["t2"]),
    ],
    "multiple_bases": [
        rev("a1", labels=["core"]), rev("a2", ["a1"]), rev("a3", ["a2"]), rev("b1", labels=["billing"]),
        rev("b2", ["b1"], ["a2"]), rev("b3", ["b2"]), rev("c1", labels=["chat"]), rev("c2", ["c1"]),
    ],
    "depends_on_across_branches": [
        rev("root"), rev("p1", ["root"], labels=["payments"]), rev("p2", ["p1"]), rev("s1", ["root"], ["p1"]),
        rev("s2", ["s1"]), rev("s3", ["s2"], ["payments"]), rev("q1", ["root"], ["s2"]), rev("p3", ["p2"]),
    ],
    "dependency_on_an_ancestor": [
        rev("a1"), rev("a2", ["a1"]), rev("a3", ["a2"], ["a1"]), rev("b1", ["a1"]), rev("b2", ["b1"], ["a2"]),
        rev("b3", ["b2"], ["a2"]), rev("m", ["a3", "b3"]),
    ],
    "effective_head": [
        rev("b0"), rev("lib1", ["b0"], labels=["lib"]), rev("lib2", ["lib1"]), rev("app1", ["b0"]),
        rev("app2", ["app1"], ["lib2"]),
    ],
    "two_bases_merged": [
        rev("x1"), rev("y1"), rev("x2", ["x1"]), rev("y2", ["y1"]), rev("xy", ["x2", "y2"]), rev("z", ["xy"]),
    ],
    "merge_with_continuing_parents": [
        rev("a"), rev("b", ["a"]), rev("c", ["a"]), rev("m", ["b", "c"]), rev("b2", ["b"]), rev("c2", ["c"]),
        rev("n", ["m", "c2"]),
    ],
}

RANDOM_CASES = [
    ("random_60_shuffled_1", 60, 1, False),
    ("random_60_shuffled_2", 60, 2, False),
    ("random_60_chronological_3", 60, 3, True),
    ("random_60_chronological_4", 60, 4, True),
    ("random_200_shuffled_5", 200, 5, False),
    ("random_200_chronological_6", 200, 6, True),
]


def random_dag(seed, size, chronological):
    """A graph grown as a team grows one: lines extended, branches opened from older
    revisions, heads merged (by two or three), new bases, one depends_on now and then
    (on a revision or a label), labels on branch starts. Loaded in creation order with
    some neighbours swapped (chronological), or in a shuffled order."""
    rnd = random.Random(seed)
    created = []
    heads = []
    labels = {}
    used_ids = set()
    for k in range(size):
        while True:
            id_ = "%06x" % rnd.getrandbits(24)
            if id_ not in used_ids and not id_.isdigit():
                break
        used_ids.add(id_)
        p = rnd.random()
        bases = sum(1 for r in created if not r[1])
        if not created or (p < 0.04 and bases < 4):
            down = ()
        elif p < 0.20 and len(heads) >= 2:
            count = 3 if (p < 0.06 and len(heads) >= 3) else 2
            down = tuple(rnd.sample(heads, count))
        elif p < 0.45:
            down = (rnd.choice(created)[0],)
        else:
            down = (rnd.choice(heads),)
        depends_on = ()
        if created and rnd.random() < 0.18:
            target = rnd.choice(created)[0]
            if target not in down:
                named = [label for label, owner in sorted(labels.items()) if owner == target]
                depends_on = (named[0],) if (named and rnd.random() < 0.5) else (target,)
        new_labels = ()
        starts_branch = not down or any(r[0] != id_ and down[0] in r[1] for r in created)
        if starts_branch and len(down) <= 1 and rnd.random() < 0.35:
            new_labels = ("l%d" % k,)
            labels[new_labels[0]] = id_
        created.append(rev(id_, down, depends_on, new_labels))
        heads = [h for h in heads if h not in down] + [id_]
    if chronological:
        keyed = [(k + rnd.uniform(-3, 3), r) for k, r in enumerate(created)]
        return [r for _, r in sorted(keyed, key=lambda item: item[0])]
    order = list(created)
    rnd.shuffle(order)
    return order


def write_scripts(directory, revisions):
    os.makedirs(os.path.join(directory, "versions"))
    with open(os.path.join(directory, "env.py"), "w") as env:
        env.write(ENV_PY)
    open(os.path.join(directory, "script.py.mako"), "w").close()
    for position, (id_, down, depends_on, labels) in enumerate(revisions):
        with open(os.path.join(directory, "versions", "%04d_%s.py" % (position, id_)), "w") as script:
            script.write(textwrap.dedent("""\
                \"\"\"revision {id}\"\"\"
                revision = {id!r}
                down_revision = {down!r}
                branch_labels = {labels!r}
                depends_on = {depends_on!r}


                def upgrade():
                    pass


                def downgrade():
                    pass
                """).format(id=id_, down=down or None, labels=labels or None, depends_on=depends_on or None))


LABELS = re.compile(r"^((?:.* -> )?[0-9A-Za-z_.]+ )\(([^()]*)\)")


def sorted_labels(line):
    """A history or heads line with its branch labels sorted: Alembic prints them in the
    order of a Python set, which depends on string hashing."""
    match = LABELS.match(line)
    if not match or match.group(2) in ("head", "effective head", "branchpoint", "mergepoint"):
        return line
    labels = ", ".join(sorted(match.group(2).split(", ")))
    return match.group(1) + "(" + labels + ")" + line[match.end():]


class Alembic:
    """Alembic's commands on one script directory, their output captured."""

    def __init__(self, directory):
        self.directory = directory

    def _config(self):
        self.output = io.StringIO()
        config = Config(output_buffer=self.output, stdout=self.output)
        config.set_main_option("script_location", self.directory)
        return config

    def history(self):
        config = self._config()
        command.history(config)
        return [sorted_labels(line) for line in self.output.getvalue().splitlines()]

    def heads(self):
        config = self._config()
        command.heads(config)
        return [sorted_labels(line) for line in self.output.getvalue().splitlines()]

    def upgrade_sql(self, start, target):
        config = self._config()
        script = ScriptDirectory.from_config(config)
        steps = script._upgrade_revs(target, self._start(script, start))
        return self._run(steps, lambda: command.upgrade(config, "%s:%s" % (start, target), sql=True))

    def downgrade_sql(self, start, target):
        config = self._config()
        script = ScriptDirectory.from_config(config)
        starting = self._start(script, start)
        steps = script._downgrade_revs(target, starting)
        if start == "heads" and len(starting) > 1:
            # command.downgrade passes the start to MigrationContext as one identifier,
            # which get_revision refuses when 'heads' names several; the same run, with
            # the heads given as a tuple, as the database's version table would give them.
            def run():
                with EnvironmentContext(config, script, fn=lambda rev, context: script._downgrade_revs(target, rev),
                                        as_sql=True, starting_rev=starting, destination_rev=target, tag=None):
                    script.run_env()
        else:
            def run():
                command.downgrade(config, "%s:%s" % (start, target), sql=True)
        return self._run(steps, run)

    @staticmethod
    def _start(script, start):
        """The current heads an offline run starts from (MigrationContext.get_current_heads)."""
        if start == "base":
            return ()
        if start == "heads":
            return tuple(r.revision for r in script.get_revisions("heads"))
        return (script.get_revision(start).revision,)

    def _run(self, steps, run):
        """The "-- Running" lines of the run. The steps are those the command's migration
        function returns; the command itself is run too and must print the same lines. In
        some graphs with depends_on, Alembic's offline run stops in
        HeadMaintainer.update_to_step (the version-table bookkeeping, not the choice or
        order of steps): then the lines it printed must begin the steps, and a comment
        says so."""
        expected = ["-- Running %s" % step.short_log for step in steps]
        try:
            run()
        except Exception as error:  # noqa: BLE001 - only a failure of the bookkeeping is accepted
            frames = [frame.name for frame in traceback.extract_tb(error.__traceback__)]
            printed = self._running_lines()
            if "update_to_step" not in frames or expected[:len(printed)] != printed:
                raise
            return ["# the offline run stopped after %d of these steps in HeadMaintainer.update_to_step (%s: %s)"
                    % (len(printed), type(error).__name__, error)] + expected
        printed = self._running_lines()
        if printed != expected:
            raise AssertionError("the command ran %s, its migration function returned %s" % (printed, expected))
        return expected

    def _running_lines(self):
        return [line for line in self.output.getvalue().splitlines() if line.startswith("-- Running ")]

    def revision_map(self):
        return ScriptDirectory.from_config(self._config()).revision_map


def queries(revisions, revision_map, rnd):
    """The queries of a case: the four fixed ones, some upgrade X:Y (X an ancestor of Y,
    base, or a revision of another line) and, per label, downgrades X:<label>@base from
    heads above the label."""
    ids = [r[0] for r in revisions]
    chosen = [("history",), ("heads",), ("upgrade", "base", "heads"), ("downgrade", "heads", "base")]
    pairs = []
    for id_ in rnd.sample(ids, min(4, len(ids))):
        target = revision_map.get_revision(id_)
        ancestors = sorted(r.revision for r in revision_map._get_ancestor_nodes([target]) if r is not target)
        others = sorted(set(ids) - set(ancestors) - {id_})
        if ancestors:
            pairs.append((rnd.choice(ancestors), id_))
        if others and rnd.random() < 0.5:
            pairs.append((rnd.choice(others), id_))
    for start, target in pairs:
        chosen.append(("upgrade", start, target))
    real_heads = list(revision_map._real_heads)
    for id_, down, depends_on, labels in revisions:
        for label in labels:
            owner = revision_map.get_revision(id_)
            above = [h for h in real_heads
                     if owner in set(revision_map._get_ancestor_nodes([revision_map.get_revision(h)]))]
            for start in above[:2] + ["heads"]:
                chosen.append(("downgrade", start, "%s@base" % label))
    return chosen


def answer(alembic_, query):
    try:
        if query[0] == "history":
            return alembic_.history()
        if query[0] == "heads":
            return alembic_.heads()
        if query[0] == "upgrade":
            return alembic_.upgrade_sql(query[1], query[2])
        return alembic_.downgrade_sql(query[1], query[2])
    except Exception as error:  # noqa: BLE001 - recorded as Alembic's answer
        text = str(error).splitlines()[0] if str(error) else ""
        if not text:
            frame = traceback.extract_tb(error.__traceback__)[-1]
            text = "at %s:%d (%s)" % (os.path.relpath(frame.filename, os.path.dirname(alembic.__file__)),
                                      frame.lineno, frame.line)
        return ["! error: %s: %s" % (type(error).__name__, text)]


def describe(query):
    if query[0] in ("history", "heads"):
        return query[0]
    return "%s %s:%s --sql" % query


def write_case(name, revisions, out, seed):
    with tempfile.TemporaryDirectory() as scratch:
        directory = os.path.join(scratch, name)
        write_scripts(directory, revisions)
        alembic_ = Alembic(directory)
        rnd = random.Random("queries of " + name + str(seed))
        lines = [
            "# Alembic %s (SQLAlchemy %s) answers for the graph below; written by generate.py, do not edit."
            % (alembic.__version__, sqlalchemy.__version__),
            "# revision ID | down_revision | depends_on | branch_labels, in load order",
        ]
        for id_, down, depends_on, labels in revisions:
            lines.append("revision %s | %s | %s | %s" % (id_, ", ".join(down), ", ".join(depends_on), ", ".join(labels)))
        for query in queries(revisions, alembic_.revision_map(), rnd):
            lines.append("> " + describe(query))
            lines.extend(answer(alembic_, query))
    with open(os.path.join(out, name + ".txt"), "w") as case:
        case.write("\n".join(lines) + "\n")


def generate(out):
    os.makedirs(out, exist_ok=True)
    for name, revisions in CASES.items():
        write_case(name, revisions, out, 0)
    for name, size, seed, chronological in RANDOM_CASES:
        write_case(name, random_dag(seed, size, chronological), out, seed)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--out":
        generate(sys.argv[2])
        return
    cases = os.path.join(HERE, "cases")
    shutil.rmtree(cases, ignore_errors=True)
    generate(cases)
    for hash_seed in ("1", "2"):
        with tempfile.TemporaryDirectory() as again:
            subprocess.run([sys.executable, os.path.abspath(__file__), "--out", again], check=True,
                           env=dict(os.environ, PYTHONHASHSEED=hash_seed))
            for name in sorted(os.listdir(cases)):
                with open(os.path.join(cases, name)) as first, open(os.path.join(again, name)) as second:
                    if first.read() != second.read():
                        sys.exit("%s differs with PYTHONHASHSEED=%s: Alembic's answer depends on string hashing"
                                 % (name, hash_seed))
    print("wrote %d cases to %s" % (len(os.listdir(cases)), cases))


if __name__ == "__main__":
    main()
