#!/usr/bin/env bash
# Creates one database per Takedown provider instance, each owned by its own login role.
#
# TAKEDOWN_DATABASES lists the provider ids (space separated). For each id P (upper-cased, '-' as '_') it reads
# TAKEDOWN_DB_USER_<P> (default: the id) and TAKEDOWN_DB_PASSWORD_<P>; a provider without a password is skipped, so
# one script serves a single-provider deployment and the all-in-one one.
#
# The postgres image runs it once, on an empty data directory (/docker-entrypoint-initdb.d). It is idempotent: to add
# a provider to a running server, run it again with kubectl exec / docker compose exec (docs/operations.md).
set -euo pipefail

for provider in ${TAKEDOWN_DATABASES:?TAKEDOWN_DATABASES is not set}; do
  key=$(printf '%s' "$provider" | tr '[:lower:]-' '[:upper:]_')
  user_var="TAKEDOWN_DB_USER_${key}"
  password_var="TAKEDOWN_DB_PASSWORD_${key}"
  user="${!user_var:-$provider}"
  password="${!password_var:-}"
  if [ -z "$password" ]; then
    echo "takedown: no ${password_var}, skipping database ${provider}"
    continue
  fi
  echo "takedown: database ${provider} owned by ${user}"
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --set=db="$provider" --set=owner="$user" --set=password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'owner', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SQL
done
