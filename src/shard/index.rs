//! Which shard a task runs: `--shard K`, or `--shard auto` from the scheduler's index
//! variable.

use super::ShardError;

/// The variables `--shard auto` reads, in order: Kubernetes Indexed Job, Slurm array (minus
/// `SLURM_ARRAY_TASK_MIN`, as arrays may start at 1), AWS Batch array job, Nomad.
pub const INDEX_VARIABLES: [&str; 4] = [
    "JOB_COMPLETION_INDEX",
    "SLURM_ARRAY_TASK_ID",
    "AWS_BATCH_JOB_ARRAY_INDEX",
    "NOMAD_ALLOC_INDEX",
];

/// The shard from `--shard`: a number, or `auto` for the first index variable that is set
/// (looked up with `var`). The shard must be below `shards`.
pub fn shard_from_env(
    arg: &str,
    shards: usize,
    var: &dyn Fn(&str) -> Option<String>,
) -> Result<usize, ShardError> {
    let number = |name: &str, value: &str| {
        value
            .trim()
            .parse::<usize>()
            .map_err(|_| ShardError::Usage(format!("{name}={value:?} is not a shard number")))
    };
    let (source, shard) = if arg == "auto" {
        let Some(name) = INDEX_VARIABLES.iter().find(|n| var(n).is_some()) else {
            return Err(ShardError::Usage(format!(
                "--shard auto: none of {} is set; give --shard K",
                INDEX_VARIABLES.join(", ")
            )));
        };
        let value = var(name).unwrap_or_default();
        let mut shard = number(name, &value)?;
        if *name == "SLURM_ARRAY_TASK_ID"
            && let Some(min) = var("SLURM_ARRAY_TASK_MIN")
        {
            let min = number("SLURM_ARRAY_TASK_MIN", &min)?;
            shard = shard.checked_sub(min).ok_or_else(|| {
                ShardError::Usage(format!(
                    "SLURM_ARRAY_TASK_ID={value} is below SLURM_ARRAY_TASK_MIN={min}"
                ))
            })?;
        }
        (format!("{name}={value}"), shard)
    } else {
        (format!("--shard {arg}"), number("--shard", arg)?)
    };
    if shard >= shards {
        return Err(ShardError::Usage(format!(
            "{source}: shard {shard} is out of range, the plan has {shards} shard(s) (0 to {})",
            shards.saturating_sub(1)
        )));
    }
    Ok(shard)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn each_scheduler_variable_selects_the_shard() {
        let at = |pairs: &[(&str, &str)]| shard_from_env("auto", 4, &env(pairs));
        assert_eq!(at(&[("JOB_COMPLETION_INDEX", "2")]).unwrap(), 2);
        assert_eq!(
            at(&[("SLURM_ARRAY_TASK_ID", "4"), ("SLURM_ARRAY_TASK_MIN", "1")]).unwrap(),
            3
        );
        assert_eq!(at(&[("SLURM_ARRAY_TASK_ID", "0")]).unwrap(), 0);
        assert_eq!(at(&[("AWS_BATCH_JOB_ARRAY_INDEX", "1")]).unwrap(), 1);
        assert_eq!(at(&[("NOMAD_ALLOC_INDEX", "3")]).unwrap(), 3);
        // The first variable set wins.
        assert_eq!(
            at(&[("NOMAD_ALLOC_INDEX", "3"), ("JOB_COMPLETION_INDEX", "0")]).unwrap(),
            0
        );
        assert_eq!(shard_from_env("1", 4, &env(&[])).unwrap(), 1);
    }

    #[test]
    fn a_missing_bad_or_out_of_range_index_is_a_usage_error() {
        for (arg, pairs) in [
            ("auto", vec![]),
            ("auto", vec![("JOB_COMPLETION_INDEX", "4")]),
            ("auto", vec![("JOB_COMPLETION_INDEX", "x")]),
            (
                "auto",
                vec![("SLURM_ARRAY_TASK_ID", "0"), ("SLURM_ARRAY_TASK_MIN", "1")],
            ),
            ("4", vec![]),
            ("-1", vec![]),
        ] {
            let e = shard_from_env(arg, 4, &env(&pairs)).unwrap_err();
            assert_eq!(e.exit_code(), 2, "{arg} {pairs:?}: {e}");
        }
    }
}
