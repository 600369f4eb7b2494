//! Tools on a whole installation: `copy` to another database, `backup` and
//! `restore` (SQLite), and `demo-data` for benchmarks and trials.

use crate::db::Db;
use crate::ingest::demo::DemoSize;
use std::path::Path;

pub(super) async fn demo_data(database_url: &str, size: DemoSize) -> anyhow::Result<()> {
    if size.units == 0
        || size.indicators == 0
        || size.terms == 0
        || size.units > 99
        || size.indicators > 99
        || size.terms > 20
    {
        anyhow::bail!("use 1–99 units, 1–99 indicators per unit and 1–20 terms");
    }
    let db = Db::connect(database_url).await?;
    if !db.is_empty().await? {
        anyhow::bail!(
            "the database already holds terms: demo data goes into an empty database only"
        );
    }
    let started = std::time::Instant::now();
    let plan = crate::ingest::demo::plan(size);
    let indicators: usize = plan.terms.iter().map(|t| t.indicators.len()).sum();
    let values: usize = plan
        .terms
        .iter()
        .flat_map(|t| &t.indicators)
        .map(|i| i.values.len())
        .sum();
    db.insert_seed(&plan).await?;
    println!(
        "{indicators} indicators and {values} values in {} terms written in {:.1} s",
        plan.terms.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

pub(super) async fn copy(from: &str, to: &str) -> anyhow::Result<()> {
    let source = Db::connect(from).await?;
    let destination = Db::connect(to).await?;
    let report = source.copy_into(&destination).await?;
    print_rows(&report.tables);
    println!("copied and verified: every table has the same number of rows on both sides");
    Ok(())
}

pub(super) async fn backup(database_url: &str, to: &Path) -> anyhow::Result<()> {
    let db = Db::connect(database_url).await?;
    let summary = db.backup_to(to).await?;
    print_rows(&summary.tables);
    println!("backup written and checked: {}", to.display());
    Ok(())
}

pub(super) async fn restore(database_url: &str, from: &Path) -> anyhow::Result<()> {
    let db = Db::connect(database_url).await?;
    let summary = db.restore_from(from).await?;
    print_rows(&summary.tables);
    println!(
        "restored from {}: every table replaced in one transaction; sessions ended",
        from.display()
    );
    Ok(())
}

/// One "table<TAB>rows" line per table, for the operator to compare.
fn print_rows(tables: &[(String, i64)]) {
    for (table, rows) in tables {
        println!("{table}\t{rows}");
    }
}
