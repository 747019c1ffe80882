# Defines camrin_bench, which `./camrin bench [args]` calls: runs the platform benchmark of the
# programme service (see docs/benchmarks.md). Source this file from the repository root.
#
# The benchmark starts its own PostgreSQL, MongoDB-compatible server and Kafka broker on free
# ports inside its JVM, so it needs no running stack. Arguments go to the benchmark unchanged;
# `camrin bench --help` lists them.

camrin_bench() {
  local jar
  jar=$(ls benchmarks/target/benchmarks-*-exec.jar 2>/dev/null | head -n 1)
  if [ -z "$jar" ]; then
    echo "Building the benchmark module (its runnable jar is missing)..." >&2
    ./mvnw -B -q -pl benchmarks -am package -DskipTests || return
    jar=$(ls benchmarks/target/benchmarks-*-exec.jar 2>/dev/null | head -n 1)
    if [ -z "$jar" ]; then
      echo "The build finished but made no benchmarks/target/benchmarks-*-exec.jar." >&2
      return 1
    fi
  fi
  java -Xmx2g -jar "$jar" "$@"
}
