"""Run every benchmark and print its figures."""

from benchmarks import batch, engine, interview, web

if __name__ == "__main__":
    engine.main()
    batch.main()
    interview.main()
    web.main()
