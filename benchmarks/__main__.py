"""Run every benchmark and print its figures."""

from benchmarks import engine

if __name__ == "__main__":
    engine.main()
