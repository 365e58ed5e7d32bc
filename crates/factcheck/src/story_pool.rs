//! The stories of one large file shared among a few threads. Reading a story's quantities is one
//! pass over the page, in order (`PagePass`), and the records must reach the report in that order
//! too; what lies between (frames, claims, checks, records) is a story's own work, and takes most
//! of the time. So the file's thread reads the stories one after another and hands each to the
//! next free helper (a batch of them at a time), and takes the results back in the stories' order;
//! only a few batches are in flight at once, so that memory still follows the largest stories,
//! not the file. A panic on a helper becomes the file's panic, raised on the
//! file's thread (see `panics`).

use crate::panics::{self, Caught};
use std::collections::VecDeque;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

/// How the stories of one file are shared among threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoryThreads {
    /// Helper threads for a file with many stories: `None` for as many as there are cores, at
    /// most four; `Some(1)` checks every file's stories one after another on the file's thread.
    pub workers: Option<usize>,
    /// A file with fewer stories (or stretches between them) than this is checked on its own
    /// thread: a page or two is done before helpers would have started.
    pub from_stories: usize,
}

impl Default for StoryThreads {
    fn default() -> Self {
        StoryThreads {
            workers: None,
            from_stories: 32,
        }
    }
}

impl StoryThreads {
    /// How many threads the stories of a file with `stories` parts share (1: the file's alone).
    pub(crate) fn for_stories(&self, stories: usize) -> usize {
        if stories < self.from_stories.max(2) {
            return 1;
        }
        self.workers
            .unwrap_or_else(|| {
                std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_WORKERS))
            })
            .max(1)
    }
}

const MAX_WORKERS: usize = 4;
/// Stories go to a helper in batches of about this much text: every hand-over wakes a thread
/// (slow on a virtual machine, as slow as a short story's check), a batch is many stories' work.
const BATCH_BYTES: usize = 64 * 1024;
/// Batches in flight per helper: enough to keep each busy while the file's thread reads on.
const BATCHES_PER_WORKER: usize = 3;

/// A batch's results, up to a panic if one of its jobs raised one.
type Reply<R> = (Vec<R>, Option<Caught>);

/// Does `work` on each job (with its size in bytes) of `jobs` and hands the results to `done` in
/// the jobs' order: on this thread alone when `workers` is 1, else on `workers` helper threads,
/// `jobs` still drawn and `done` still called on this thread.
pub(crate) fn in_order<J: Send, R: Send>(
    workers: usize,
    jobs: impl Iterator<Item = (J, usize)>,
    work: impl Fn(J) -> R + Sync,
    mut done: impl FnMut(R),
) {
    if workers <= 1 {
        jobs.for_each(|(job, _)| done(work(job)));
        return;
    }
    let in_check = panics::in_check();
    let work = &work;
    std::thread::scope(|scope| {
        // made inside the scope: when this thread unwinds, they are dropped before the helpers
        // are joined, and the helpers stop
        let (to_helpers, for_helpers) = mpsc::channel::<(Vec<J>, mpsc::SyncSender<Reply<R>>)>();
        let for_helpers = Arc::new(Mutex::new(for_helpers));
        for _ in 0..workers {
            let for_helpers = Arc::clone(&for_helpers);
            scope.spawn(move || loop {
                let next = for_helpers.lock().map(|batches| batches.recv());
                let Ok(Ok((batch, reply))) = next else { break };
                let mut results = Vec::with_capacity(batch.len());
                let mut caught = None;
                for job in batch {
                    match panics::on_helper(in_check, || work(job)) {
                        Ok(result) => results.push(result),
                        Err(panic) => {
                            caught = Some(panic);
                            break;
                        }
                    }
                }
                if reply.send((results, caught)).is_err() {
                    break;
                }
            });
        }
        let mut waiting = VecDeque::new();
        let hand_over = |batch: Vec<J>, waiting: &mut VecDeque<_>| {
            let (reply, results) = mpsc::sync_channel(1);
            to_helpers
                .send((batch, reply))
                .expect("helpers wait for batches");
            waiting.push_back(results);
        };
        let mut take_first = |waiting: &mut VecDeque<mpsc::Receiver<Reply<R>>>| {
            if let Some(results) = waiting.pop_front() {
                let (results, caught) = results.recv().expect("a helper answers every batch");
                results.into_iter().for_each(&mut done);
                if let Some(caught) = caught {
                    panics::raise(caught);
                }
            }
        };
        let (mut batch, mut batch_bytes) = (Vec::new(), 0);
        for (job, bytes) in jobs {
            batch.push(job);
            batch_bytes += bytes;
            if batch_bytes >= BATCH_BYTES {
                hand_over(std::mem::take(&mut batch), &mut waiting);
                batch_bytes = 0;
                while waiting.len() >= workers * BATCHES_PER_WORKER {
                    take_first(&mut waiting);
                }
            }
        }
        if !batch.is_empty() {
            hand_over(batch, &mut waiting);
        }
        drop(to_helpers);
        while !waiting.is_empty() {
            take_first(&mut waiting);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn squares(workers: usize, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        in_order(
            workers,
            (0..n).map(|k| (k, k % 5000)),
            |k| k * k,
            |r| out.push(r),
        );
        out
    }

    #[test]
    fn results_come_in_the_jobs_order() {
        let alone = squares(1, 500);
        assert_eq!(alone, (0..500).map(|k| k * k).collect::<Vec<_>>());
        for workers in [2, 3, 4] {
            assert_eq!(squares(workers, 500), alone);
        }
        assert!(squares(3, 0).is_empty());
    }

    #[test]
    fn a_helpers_panic_is_raised_on_the_callers_thread_with_its_note() {
        for workers in [1, 2, 4] {
            let mut got = Vec::new();
            let caught = panics::catch(|| {
                in_order(
                    workers,
                    (0..200).map(|k| (k, 10_000)),
                    |k| {
                        assert!(k != 37, "job {k} fails");
                        k
                    },
                    |k| got.push(k),
                )
            });
            let message = caught.expect_err("the panic reaches the caller");
            assert!(message.contains("job 37 fails"), "{message}");
            // the jobs before are all done, in order
            assert_eq!(got, (0..37).collect::<Vec<_>>());
        }
    }

    #[test]
    fn threads_only_for_many_stories() {
        let threads = StoryThreads {
            workers: Some(3),
            from_stories: 10,
        };
        assert_eq!(threads.for_stories(9), 1);
        assert_eq!(threads.for_stories(10), 3);
        let alone = StoryThreads {
            workers: Some(1),
            from_stories: 0,
        };
        assert_eq!(alone.for_stories(1000), 1);
        assert_eq!(StoryThreads::default().for_stories(1), 1);
    }
}
