#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 if it is stopped and makes the test role and database.
# Idempotent. Prints the connection string on stdout; diagnostics go to stderr.
set -euo pipefail
role=sn19_test
db=sn19_test
password=sn19_test
port=5432

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "ensure-postgres: PostgreSQL is not installed (apt-get install postgresql-15)" >&2
  exit 1
fi
version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
if [ -z "$version" ]; then
  echo "ensure-postgres: no cluster under /etc/postgresql; creating 15/main" >&2
  pg_createcluster 15 main >&2
  version=15
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online" { found = 1 } END { exit !found }'; then
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  if su postgres -c "pg_isready -q -p $port" 2>/dev/null; then break; fi
  sleep 1
done
psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]; then
  psql_admin "CREATE ROLE $role LOGIN PASSWORD '$password' CREATEDB" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
  psql_admin "CREATE DATABASE $db OWNER $role" >&2
fi
echo "Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=$db"
