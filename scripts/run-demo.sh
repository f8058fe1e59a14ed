#!/usr/bin/env bash
# `make run`: creates the demo database on first use and shows what it holds.
# Usage: scripts/run-demo.sh BINARY DATABASE PARTNERSHIP [LISTEN]
set -euo pipefail
binary="$1"; db="$2"; partnership="$3"; listen="${4:-127.0.0.1:8080}"
key="$db.key"  # the demo key beside the database, whatever $TRYGNET_KEY_FILE says
mkdir -p "$(dirname "$db")"
if [ ! -f "$db" ]; then
  "$binary" demo --db "$db" --key-file "$key"
fi
echo
"$binary" indicators --db "$db" --key-file "$key" --partnership "$partnership" --as-of 2017-03-31
echo
echo "Samme dato, som det var kendt 2017-04-10 (senere registrerede afregistreringer er ikke med):"
"$binary" indicators --db "$db" --key-file "$key" --partnership "$partnership" --as-of 2017-03-31 --known-at 2017-04-10 | sed -n '2,5p' 
echo
# The status report 2017/18 [p.16], in two formats beside the database.
report_dir="$(dirname "$db")"
for format in pdf html; do
  "$binary" report --db "$db" --key-file "$key" --partnership "$partnership" --period 2017-08-01..2018-06-30 \
    --known-at 2018-08-15 -o "$report_dir/statusrapport-2017-18.$format"
done
echo
echo "Demodatabase: $db (nøglefil: $db.key). Prøv fx:"
echo "  $binary person list --db $db --limit 10"
echo "  $binary partnership show --db $db --partnership $partnership"
echo "  $binary report --db $db --partnership $partnership --period 2017-08-01..2018-06-30 -o rapport.xlsx"
echo "HTTP-API'et (når serveren kører; log ind og brug cookien):"
echo "  curl -c /tmp/trygnet.cookies -H 'Content-Type: application/json' \\"
echo "       -d '{\"username\":\"eas-analyst\",\"password\":\"trygnet-demo-2017\"}' http://$listen/api/v1/session"
echo "  curl -b /tmp/trygnet.cookies http://$listen/api/v1/persons/5"
