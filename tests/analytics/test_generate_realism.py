"""The synthetic nation is realistic, not uniform: checked on the `demo` preset (every
regency), on `tiny`, and on the national model the presets are scaled from."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

from paritrana.analytics import schema
from paritrana.analytics.generate import SCALES, generate
from paritrana.analytics.generate_nation import national_model
from paritrana.analytics.generate_world import load_nation

RATE_YEAR = schema.VULNERABLE_MONTHLY_CONTRIBUTION_RP * 12


def _connect(out) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for name in schema.DATASETS:
        # Names come from the schema and the path from pytest: nothing user-supplied.
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM '{out}/{name}.parquet'")  # noqa: S608 - see above
    return con


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("demo")
    generate(scale="demo", seed=5, out=out)
    return _connect(out)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny")
    generate(scale="tiny", seed=5, out=out)
    return _connect(out)


def _one(con, sql, parameters=None):
    return con.execute(sql, parameters).fetchone()


def test_demo_covers_every_regency_and_is_sized_as_declared(demo):
    regencies, participants = _one(
        demo, "SELECT count(DISTINCT work_regency), count(*) FROM participants"
    )
    assert regencies == 514
    assert _one(demo, "SELECT count(*) FROM workforce")[0] == 514
    assert 0.8 * SCALES["demo"].participants <= participants <= 1.3 * SCALES["demo"].participants


def test_java_and_dki_carry_the_largest_shares(demo):
    shares = dict(
        demo.execute(
            "SELECT substr(work_regency, 1, 2), count(*) / sum(count(*)) OVER () "
            "FROM participants WHERE active GROUP BY 1"
        ).fetchall()
    )
    assert max(shares, key=shares.__getitem__) == "31"
    assert 0.15 < shares["31"] < 0.25  # DKI 8.01M of 41.4M
    assert shares["32"] > 0.09  # Jawa Barat 4.96M
    assert shares["76"] < 0.005  # Sulawesi Barat 65k
    assert sum(v for k, v in shares.items() if k in {"31", "32", "33", "34", "35", "36"}) > 0.5


def test_coverage_varies_widely_and_stays_below_the_workforce(demo):
    cov = np.array(
        demo.execute(
            "SELECT count(*) FILTER (WHERE p.active) / any_value(w.working_population), "
            "count(*) FILTER (WHERE p.active AND segment = 'PU') / any_value(w.formal) "
            "FROM participants p JOIN workforce w ON w.regency = p.work_regency GROUP BY w.regency"
        ).fetchall()
    )
    assert cov.max() < 1.0
    assert cov[:, 0].max() / cov[:, 0].min() > 5  # wide differences between regions
    pu, formal = _one(
        demo,
        "SELECT (SELECT count(*) FROM participants WHERE active AND segment = 'PU'), "
        "(SELECT sum(formal) FROM workforce)",
    )
    assert 0.4 < pu / formal < 0.6  # PU coverage ~50 % nationally


def test_some_regencies_regulate_and_budget_and_some_do_not(demo):
    without_regulation = _one(
        demo,
        "SELECT count(*) FROM workforce WHERE regency NOT IN "
        "(SELECT region_code FROM regulations WHERE level = 'REGENCY')",
    )[0]
    assert 0.1 * 514 < without_regulation < 0.6 * 514
    with_budget = _one(
        demo, "SELECT count(*) FROM budgets WHERE level = 'REGENCY' AND allocation_rp > 0"
    )[0]
    assert 0.2 * 514 < with_budget < 0.8 * 514
    instruments = {
        r[0] for r in demo.execute("SELECT DISTINCT instrument FROM regulations").fetchall()
    }
    assert instruments == set(schema.INSTRUMENTS)


def test_apbd_funds_vulnerable_workers_at_16800_a_month(demo):
    low, high = _one(
        demo,
        "SELECT min(allocation_rp / (workers_funded * ?)), max(allocation_rp / (workers_funded * ?)) "
        "FROM budgets WHERE level <> 'VILLAGE' AND workers_funded > 0",
        [RATE_YEAR, RATE_YEAR],
    )
    assert low >= 1.0
    assert high <= 1.1
    # The APBD-funded participants of a province are exactly what its budgets fund.
    mismatched = _one(
        demo,
        """
        WITH funded AS (
            SELECT substr(region_code, 1, 2) AS province, sum(workers_funded) AS n
            FROM budgets WHERE level <> 'VILLAGE' GROUP BY 1),
        enrolled AS (
            SELECT substr(work_regency, 1, 2) AS province, count(*) AS n
            FROM participants WHERE funding = 'APBD' GROUP BY 1)
        SELECT count(*) FROM funded FULL JOIN enrolled USING (province)
        WHERE coalesce(funded.n, 0) <> coalesce(enrolled.n, 0)
        """,
    )[0]
    assert mismatched == 0
    apbd = demo.execute(
        "SELECT DISTINCT segment, worker_category, wage, jht FROM participants "
        "WHERE funding = 'APBD'"
    ).fetchall()
    assert apbd == [("BPU", "VULNERABLE", 1_000_000, False)]


def test_villages_fund_officials_from_their_apbdes(demo):
    rows = demo.execute(
        """
        SELECT b.region_code, b.workers_funded, b.own_staff,
               count(p.kpj) FILTER (WHERE p.worker_category = 'VILLAGE_OFFICIAL') AS officials,
               count(p.kpj) AS funded
        FROM budgets b LEFT JOIN participants p
          ON p.home_village = b.region_code AND p.funding = 'APBDES'
        WHERE b.level = 'VILLAGE' GROUP BY ALL
        """
    ).fetchall()
    assert all(funded == workers for _, workers, _, _, funded in rows)
    assert all(officials <= staff for _, _, staff, officials, _ in rows)
    enrolled = sum(1 for r in rows if r[3] > 0)
    assert 0.2 * len(rows) < enrolled < 0.9 * len(rows)


def test_governments_register_part_of_their_non_asn_staff(demo):
    rows = demo.execute(
        """
        SELECT e.owner_region, e.headcount, count(p.kpj), any_value(b.own_staff)
        FROM employers e
        JOIN budgets b ON b.region_code = e.owner_region
        LEFT JOIN participants p ON p.npp = e.npp
        WHERE e.ownership = 'GOVERNMENT' GROUP BY ALL
        """
    ).fetchall()
    assert len(rows) == 514 + 38
    assert all(covered <= staff == headcount for _, headcount, covered, staff in rows)
    assert len({covered == staff for _, _, covered, staff in rows if staff}) == 2
    assert (
        _one(
            demo,
            "SELECT count(*) FROM participants p JOIN employers e USING (npp) "
            "WHERE (e.ownership = 'GOVERNMENT') <> (p.worker_category = 'NON_ASN')",
        )[0]
        == 0
    )


def test_employers_are_skewed_and_register_partially(demo):
    scales = dict(demo.execute("SELECT scale, count(*) FROM employers GROUP BY 1").fetchall())
    assert scales["MIKRO"] / sum(scales.values()) > 0.7
    top_share = _one(
        demo,
        """
        WITH sizes AS (SELECT npp, count(*) AS n FROM participants WHERE segment = 'PU' GROUP BY 1)
        SELECT sum(n) FILTER (WHERE rank <= 0.05 * total) / sum(n) FROM (
            SELECT n, row_number() OVER (ORDER BY n DESC) AS rank, count(*) OVER () AS total
            FROM sizes)
        """,
    )[0]
    assert top_share > 0.4  # the largest 5 % employ most PU participants
    partial, full = _one(
        demo,
        """
        WITH r AS (SELECT npp, count(*) AS n FROM participants GROUP BY 1)
        SELECT count(*) FILTER (WHERE n < headcount), count(*) FILTER (WHERE n = headcount)
        FROM employers JOIN r USING (npp)
        """,
    )
    assert partial > 0.2 * (partial + full)
    assert full > 0.3 * (partial + full)


def test_wages_are_sometimes_reported_below_the_minimum_wage(demo):
    below, total = _one(
        demo,
        "SELECT count(*) FILTER (WHERE wage < minimum_wage_rp), count(*) "
        "FROM participants p JOIN minimum_wages m ON m.regency = p.work_regency "
        "WHERE segment = 'PU'",
    )
    assert 0.02 < below / total < 0.4
    low, high = _one(demo, "SELECT min(minimum_wage_rp), max(minimum_wage_rp) FROM minimum_wages")
    assert low >= 2_000_000
    assert high <= 5_400_000


def test_some_employers_pay_late_some_are_in_arrears(demo):
    on_time, late, unpaid, total = _one(
        demo,
        """
        SELECT count(*) FILTER (WHERE paid_on <= due AND paid_rp >= billed_rp),
               count(*) FILTER (WHERE paid_on > due),
               count(*) FILTER (WHERE paid_on IS NULL AND billed_rp > 0),
               count(*)
        FROM (SELECT *, strptime(month || '-15', '%Y-%m-%d')::DATE + INTERVAL 1 MONTH AS due
              FROM contributions)
        """,
    )
    assert on_time > 0.7 * total
    assert 0.03 * total < late < 0.3 * total
    assert unpaid > 0
    arrears = _one(
        demo,
        "SELECT count(*) FROM (SELECT npp FROM contributions GROUP BY 1 "
        "HAVING sum(billed_rp - paid_rp) > 0)",
    )[0]
    assert 0.05 * 12_000 < arrears < 0.5 * 12_000
    # Employers in arrears at the year's end have no active workers.
    assert (
        _one(
            demo,
            "SELECT count(*) FROM participants WHERE active AND npp IN "
            "(SELECT npp FROM contributions WHERE month = '2024-12' AND billed_rp > 0 "
            " AND paid_rp = 0 AND npp IN (SELECT npp FROM contributions "
            " WHERE month = '2024-11' AND billed_rp > 0 AND paid_rp = 0))",
        )[0]
        < 0.01 * 190_000
    )


def test_csr_funders_are_real_large_employers(tiny):
    rows = tiny.execute(
        "SELECT DISTINCT e.scale, e.ownership FROM participants p "
        "JOIN employers e ON e.npp = p.funder_npp WHERE p.funding = 'CSR'"
    ).fetchall()
    assert rows
    assert _one(tiny, "SELECT count(*) FROM participants WHERE funding = 'CSR'")[0] > 0


def test_tiny_is_small_and_java_heavy(tiny):
    participants, employers = _one(
        tiny, "SELECT (SELECT count(*) FROM participants), (SELECT count(*) FROM employers)"
    )
    assert 2_000 <= participants <= 5_000
    assert 150 <= employers <= 400
    java, sulbar = _one(
        tiny,
        "SELECT count(*) FILTER (WHERE work_regency LIKE '32.%'), "
        "count(*) FILTER (WHERE work_regency LIKE '76.%') FROM participants",
    )
    assert java > 2 * sulbar


def test_national_model_matches_the_published_totals():
    nation = load_nation()
    model = national_model(nation, seed=1)
    r = model.regency
    assert r.pu.sum() == pytest.approx(26.26e6, rel=0.01)
    assert r.bpu.sum() == pytest.approx(9.58e6, rel=0.01)
    assert r.jakon.sum() == pytest.approx(5.53e6, rel=0.01)
    assert r.employers.sum() == pytest.approx(839_937, rel=0.01)
    by_province = np.bincount(nation.regency_province, r.pu + r.bpu + r.jakon)
    index = {code: i for i, code in enumerate(nation.province_codes.tolist())}
    assert by_province[index["31"]] == pytest.approx(8.01e6, rel=0.01)
    assert by_province[index["32"]] == pytest.approx(4.96e6, rel=0.01)
    assert by_province[index["76"]] == pytest.approx(65e3, rel=0.01)
    assert 0.45 < r.pu.sum() / r.formal.sum() < 0.55
    assert ((r.pu + r.bpu + r.jakon) / r.working).max() <= 0.95 + 1e-9


def test_province_preset_keeps_a_whole_province(tmp_path):
    counts = generate(scale="province", province="65", seed=2, out=tmp_path)
    con = _connect(tmp_path)
    assert _one(con, "SELECT count(*) FROM workforce")[0] == 5  # Kalimantan Utara
    villages = _one(con, "SELECT count(DISTINCT home_village) FROM participants")[0]
    assert villages > 400
    assert counts["participants"] > 100_000


def test_two_years_with_one_seed_show_growth(tiny, tmp_path):
    generate(scale="tiny", seed=5, out=tmp_path, year=2023)
    before = _connect(tmp_path)
    query = "SELECT count(*) FROM participants WHERE segment IN ('PU', 'JAKON')"
    growth = _one(tiny, query)[0] / _one(before, query)[0] - 1
    assert 0.01 < growth < 0.15  # ~6 % a year, uneven between regencies
    regencies = "SELECT list(regency ORDER BY regency) FROM workforce"
    assert _one(tiny, regencies) == _one(before, regencies)
