"""Run every benchmark and print its figures."""

from benchmarks import batch, engine, interview

if __name__ == "__main__":
    engine.main()
    batch.main()
    interview.main()
