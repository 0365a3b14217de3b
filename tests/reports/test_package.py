import hashlib
import io
import json
import zipfile

import pytest
from typer.testing import CliRunner

from paritrana.cli import app
from paritrana.reports.domain.package import package_build, package_sha256, round_from_identifier
from paritrana.reports.domain.verify import inputs_digest, package_verify
from paritrana.reports.models import ResultPackage

pytestmark = pytest.mark.django_db


def rewrite(data: bytes, name: str, change, *, fix_manifest: bool = False) -> bytes:
    """The package with ``name`` changed (and the manifest's digest updated if asked)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    files = {n: source.read(n) for n in source.namelist()}
    content = json.loads(files[name])
    change(content)
    files[name] = json.dumps(content).encode()
    if fix_manifest:
        manifest = json.loads(files["manifest.json"])
        manifest["files"][name] = hashlib.sha256(files[name]).hexdigest()
        files["manifest.json"] = json.dumps(manifest).encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n, content_bytes in files.items():
            archive.writestr(n, content_bytes)
    return out.getvalue()


def unit_of(run, code):
    return str(run.results.get(candidate__entity__code=code).candidate_id)


def test_same_round_same_bytes_and_it_verifies(locked):
    rnd = locked[0]
    first, second = package_build(round=rnd), package_build(round=rnd)
    assert first == second
    names = zipfile.ZipFile(io.BytesIO(first)).namelist()
    assert names == sorted(names)
    assert "categories/KAB/inputs.json" in names
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {
        (1980, 1, 1, 0, 0, 0)
    }
    report = package_verify(first)
    assert report.ok, [str(d) for d in report.differences]
    assert report.categories == ["KAB"]
    assert report.units == 5
    inputs = json.loads(zipfile.ZipFile(io.BytesIO(first)).read("categories/KAB/inputs.json"))
    assert inputs["sources"]["ca"] == {"source": "COMPUTED", "ref": "coverage_active"}


def test_the_inputs_digest_formula_is_the_deliberations(locked):
    run = locked[3]
    record = {k: run.record[k] for k in ("tree", "pipeline", "jury", "data", "groups")}
    assert inputs_digest(record) == run.input_digest


@pytest.mark.parametrize("fix_manifest", [False, True])
def test_a_changed_score_is_named(locked, fix_manifest):
    rnd, _category, _c, run = locked
    unit = unit_of(run, "32.04")

    def change(rows):
        row = next(r for r in rows if r["unit"] == unit)
        row["score"] = 61.0

    report = package_verify(
        rewrite(
            package_build(round=rnd),
            "categories/KAB/results.json",
            change,
            fix_manifest=fix_manifest,
        )
    )
    assert not report.ok
    texts = [str(d) for d in report.differences]
    assert f"categories/KAB unit {unit} INDEX score: package says 61.0, recomputed 47.5" in texts
    assert any("SHA-256" in t for t in texts) != fix_manifest


def test_a_changed_input_value_is_named(locked):
    rnd, _category, _c, run = locked
    unit = unit_of(run, "32.04")

    def change(inputs):
        columns = inputs["data"]["columns"]
        row = next(r for r in inputs["data"]["data"] if str(r[0]) == unit)
        row[columns.index("ca")] = 0.6  # 0.2 -> 0.6: passes 32.05

    report = package_verify(
        rewrite(package_build(round=rnd), "categories/KAB/inputs.json", change, fix_manifest=True)
    )
    diffs = {(d.unit, d.node): d for d in report.differences}
    assert ("", "input_digest") in diffs
    assert diffs[(unit, "INDEX rank")].expected == 3
    assert diffs[(unit, "INDEX rank")].got == 2
    assert diffs[(unit, "ca")].expected == pytest.approx(12.5)


def test_a_changed_weight_is_named(locked):
    rnd = locked[0]

    def change(tree):
        aspects = tree["index"]["children"]
        next(a for a in aspects if a["code"] == "REG")["weight"] = 60.0
        next(a for a in aspects if a["code"] == "CAK")["weight"] = 40.0

    report = package_verify(
        rewrite(package_build(round=rnd), "categories/KAB/tree.json", change, fix_manifest=True)
    )
    nodes = {d.node for d in report.differences}
    assert "input_digest" in nodes
    assert "INDEX score" in nodes


def test_package_sha256_only_once_published_and_stored_per_lock(locked, published):
    rnd = published[0]
    sha = package_sha256(rnd)
    assert sha == hashlib.sha256(package_build(round=rnd)).hexdigest()
    assert ResultPackage.objects.get(round=rnd).sha256 == sha
    assert package_sha256(rnd) == sha  # served from the store


def test_package_sha256_is_none_before_publication(locked):
    assert package_sha256(locked[0]) is None
    assert not ResultPackage.objects.exists()


def test_unlocked_round_is_refused(deliberated):
    from paritrana.awards.domain.errors import RefusedError

    with pytest.raises(RefusedError, match="not locked"):
        package_build(round=deliberated[0])


def test_round_identifiers(locked):
    rnd = locked[0]
    assert round_from_identifier(f"{rnd.cycle.slug}:32") == rnd
    assert round_from_identifier(f"{rnd.cycle.slug}:national").level == "NATIONAL"


def test_cli_export_and_verify(locked, tmp_path):
    rnd, _category, _c, run = locked
    runner = CliRunner()
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    for path in (first, second):
        out = runner.invoke(app, ["results", "export", f"{rnd.cycle.slug}:32", "-o", str(path)])
        assert out.exit_code == 0, out.output
    assert first.read_bytes() == second.read_bytes()
    sha = hashlib.sha256(first.read_bytes()).hexdigest()
    out = runner.invoke(app, ["results", "verify", str(first), "--sha256", sha])
    assert out.exit_code == 0, out.output
    assert "Verified" in out.output
    unit = unit_of(run, "32.02")

    def change(rows):
        next(r for r in rows if r["unit"] == unit)["rank"] = 2

    tampered = tmp_path / "t.zip"
    tampered.write_bytes(rewrite(first.read_bytes(), "categories/KAB/results.json", change))
    out = runner.invoke(app, ["results", "verify", str(tampered)])
    assert out.exit_code == 1
    assert f"unit {unit} INDEX rank: package says 2, recomputed 1" in out.output
    out = runner.invoke(app, ["results", "export", "nope:32", "-o", str(tmp_path / "x.zip")])
    assert out.exit_code == 1
    assert "Refused" in out.output
