# Sourced by .ci/run: installs PostgreSQL from Debian packages when missing, starts a throwaway server on
# localhost (trust auth, its own data directory and port), creates the test database and exports
# LTV_TEST_POSTGRES (a connection string) or, when no server can be had, LTV_TEST_POSTGRES_UNAVAILABLE
# with the reason. Call ltv_postgres_stop when done. Every wait is bounded.
LTV_PG_PORT=${LTV_PG_PORT:-54329}
LTV_PG_DIR=""
ltv_postgres_unavailable() {
  export LTV_TEST_POSTGRES_UNAVAILABLE="$1"
  unset LTV_TEST_POSTGRES
  echo "PostgreSQL unavailable: $1 (its tests will be reported as skipped)"
}
ltv_postgres_start() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "installing postgresql from Debian packages"
    if ! { timeout 300 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq postgresql >/dev/null; }; then
      ltv_postgres_unavailable "apt-get install postgresql failed"; return 0
    fi
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$bin" ] && [ -x "$bin/pg_ctl" ] || { ltv_postgres_unavailable "pg_ctl not found after installing postgresql"; return 0; }
  fi
  id postgres >/dev/null 2>&1 || { ltv_postgres_unavailable "no postgres user after installing postgresql"; return 0; }
  # A port no other server answers on (another checkout's server may be running).
  local port rc
  for port in $(seq "$LTV_PG_PORT" $((LTV_PG_PORT + 20))); do
    rc=0; "$bin/pg_isready" -q -h localhost -p "$port" -t 2 || rc=$?
    [ "$rc" -eq 2 ] && break
  done
  LTV_PG_PORT=$port
  LTV_PG_DIR=$(mktemp -d /tmp/ltv-pg.XXXXXX)
  chown postgres "$LTV_PG_DIR"
  local as_pg="runuser -u postgres --"
  if ! $as_pg "$bin/initdb" -D "$LTV_PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$LTV_PG_DIR/initdb.log" 2>&1; then
    cat "$LTV_PG_DIR/initdb.log"; ltv_postgres_unavailable "initdb failed"; return 0
  fi
  if ! $as_pg "$bin/pg_ctl" -D "$LTV_PG_DIR/data" -l "$LTV_PG_DIR/server.log" -w -t 60 \
      -o "-p $LTV_PG_PORT -k $LTV_PG_DIR -c listen_addresses=localhost -c fsync=off" start >/dev/null; then
    cat "$LTV_PG_DIR/server.log"; ltv_postgres_unavailable "the server did not start within 60 s"; return 0
  fi
  local waited=0
  until "$bin/pg_isready" -q -h localhost -p "$LTV_PG_PORT"; do
    waited=$((waited + 1)); [ "$waited" -le 60 ] || { ltv_postgres_unavailable "pg_isready did not answer within 60 s"; return 0; }
    sleep 1
  done
  $as_pg "$bin/createdb" -h localhost -p "$LTV_PG_PORT" -U postgres ltv_test || { ltv_postgres_unavailable "createdb failed"; return 0; }
  export LTV_TEST_POSTGRES="Host=localhost;Port=$LTV_PG_PORT;Username=postgres;Database=ltv_test"
  unset LTV_TEST_POSTGRES_UNAVAILABLE
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on localhost:$LTV_PG_PORT, database ltv_test"
  LTV_PG_BIN=$bin
}
ltv_postgres_stop() {
  if [ -n "$LTV_PG_DIR" ] && [ -n "${LTV_PG_BIN:-}" ]; then
    runuser -u postgres -- "$LTV_PG_BIN/pg_ctl" -D "$LTV_PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  [ -n "$LTV_PG_DIR" ] && rm -rf "$LTV_PG_DIR"
  LTV_PG_DIR=""
}
