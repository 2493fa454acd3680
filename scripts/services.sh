#!/usr/bin/env bash
# Start the services the registry's tests use: PostgreSQL from Debian's packages.
#
# Idempotent: installs PostgreSQL when missing (as root, with apt-get), starts the cluster,
# and creates the role "qogam" (LOGIN CREATEDB, password $QOGAM_PG_PASSWORD, default
# "qogam" — a local test password, not a secret) and the databases qogam and qogam_test.
# Exit status: 0 ready; 3 skipped (not root, no apt-get) with a "skipping PostgreSQL: …"
# line; anything else is a real failure.
set -euo pipefail

ROLE=qogam
PASSWORD=${QOGAM_PG_PASSWORD:-qogam}
PORT=${QOGAM_PG_PORT:-5432}

skip() { echo "skipping PostgreSQL: $*" >&2; exit 3; }

can_connect() {
    PGPASSWORD=$PASSWORD psql -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d qogam -tAc 'select 1' >/dev/null 2>&1
}

if [ "$(id -u)" != 0 ]; then
    can_connect && exit 0
    skip "not root, so PostgreSQL cannot be installed or started here (run scripts/services.sh as root)"
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! command -v psql >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || skip "PostgreSQL is not installed and there is no apt-get"
    echo "installing PostgreSQL from Debian's packages…" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
fi

cluster=$(pg_lsclusters -h | awk 'NR == 1 {print $1, $2}')
if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    pg_createcluster "$version" main --port "$PORT" >/dev/null
    cluster="$version main"
fi
read -r version name <<<"$cluster"
if ! pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n {print $4}' | grep -q online; then
    pg_ctlcluster "$version" "$name" start
fi
PORT=$(pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1 == v && $2 == n {print $3}')
pg_isready -q -h 127.0.0.1 -p "$PORT" -t 30

as_postgres() { runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -qtA "$@"; }
quoted=${PASSWORD//\'/\'\'}
if [ "$(as_postgres -c "select 1 from pg_roles where rolname = '$ROLE'")" = 1 ]; then
    as_postgres -c "alter role $ROLE login createdb password '$quoted'"
else
    as_postgres -c "create role $ROLE login createdb password '$quoted'"
fi
for db in qogam qogam_test; do
    if [ "$(as_postgres -c "select 1 from pg_database where datname = '$db'")" != 1 ]; then
        runuser -u postgres -- createdb -p "$PORT" -O "$ROLE" "$db"
    fi
done
can_connect || { echo "PostgreSQL is running but $ROLE cannot log in on 127.0.0.1:$PORT" >&2; exit 1; }
echo "PostgreSQL $version ready on 127.0.0.1:$PORT (role $ROLE, databases qogam, qogam_test)" >&2
