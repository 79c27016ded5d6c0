#!/usr/bin/env bash
# Smoke-runs every `ltv` command on the CDNOW sample the repository ships and checks the outputs (headers,
# row counts, the fitted BG/NBD r, exit codes of a bad usage and a bad data case). One line per check;
# the first failed check stops the script with a non-zero exit. Needs `dotnet build -c Release` first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dll="$root/src/Ltv.Cli/bin/Release/net10.0/ltv.dll"
log="$root/src/Ltv.Core.Datasets/Data/CDNOW_sample.txt"
[ -f "$dll" ] || { echo "FAIL: $dll not found; run 'dotnet build -c Release' first"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
ltv() { dotnet "$dll" "$@"; }
checks=0

ok() { checks=$((checks + 1)); echo "ok   $*"; }
fail() { echo "FAIL $*"; exit 1; }

# check_csv FILE HEADER ROWS: exact header, exact number of data rows.
check_csv() {
  local file=$1 header=$2 rows=$3 actual_header actual_rows
  [ -f "$file" ] || fail "$file was not written"
  actual_header=$(head -n 1 "$file")
  [ "$actual_header" = "$header" ] || fail "$file header is '$actual_header', expected '$header'"
  actual_rows=$(($(wc -l <"$file") - 1))
  [ "$actual_rows" -eq "$rows" ] || fail "$file has $actual_rows rows, expected $rows"
  ok "$file: header '$header' and $rows rows"
}

# expect_exit CODE DESCRIPTION COMMAND...: the command exits with CODE and writes one 'ltv:' line to stderr.
expect_exit() {
  local want=$1 what=$2 got=0
  shift 2
  "$@" >/dev/null 2>err.txt || got=$?
  [ "$got" -eq "$want" ] || fail "$what exited $got, expected $want ($(cat err.txt))"
  grep -q '^ltv: ' err.txt || fail "$what: no 'ltv:' message on standard error"
  ok "$what exits $want: $(head -n 1 err.txt)"
}

ltv summarize "$log" --format cdnow --observation-end 1998-06-30 --calibration-end 1997-09-30 --unit week -o summary.csv >summarize.txt
check_csv summary.csv "customer_id,frequency,recency,T,monetary_value,frequency_holdout,monetary_value_holdout,duration_holdout,time_unit" 2357
grep -q '^read 6919 = accepted 6919 + rejected 0$' summarize.txt || fail "summarize did not report 'read 6919 = accepted 6919 + rejected 0'"
ok "summarize: read 6919 = accepted 6919 + rejected 0"

for model in bgnbd mbgnbd pnbd gg; do
  ltv fit "$model" summary.csv -o "$model.json" >"fit-$model.txt"
  grep -q '^converged = yes' "fit-$model.txt" || fail "fit $model did not converge: $(cat "fit-$model.txt")"
  grep -q '"ModelName"' "$model.json" || fail "fit $model wrote no model JSON"
  ok "fit $model: converged, $model.json written"
done
r=$(grep -E '^r ' fit-bgnbd.txt | awk '{print $2}')
[[ "$r" == 0.24* ]] || fail "fitted BG/NBD r is '$r', expected 0.24..."
ok "fit bgnbd: r = $r (published 0.243)"
grep -q '"Name": "r",' bgnbd.json && grep -q '"R": 0\.24' bgnbd.json || fail "bgnbd.json does not hold r = 0.24..."
ok "bgnbd.json: R = 0.24..."

ltv predict bgnbd.json summary.csv --horizon 39 -o predict-json.csv
check_csv predict-json.csv "customer_id,expected_purchases,p_alive" 2357
ltv predict bgnbd --param r=0.243 --param alpha=4.414 --param a=0.793 --param b=2.426 summary.csv --horizon 39 -o predict-param.csv
check_csv predict-param.csv "customer_id,expected_purchases,p_alive" 2357
p_alive=$(awk -F, '$1 == "0001" { print $3 }' predict-param.csv)
[[ "$p_alive" == 0.726* ]] || fail "P(alive) of customer 0001 at the published parameters is '$p_alive', expected 0.726..."
ok "predict --param: P(alive) of customer 0001 = $p_alive (published 0.7266)"
ltv predict gg.json summary.csv -o predict-gg.csv
check_csv predict-gg.csv "customer_id,expected_avg_spend" 2357

ltv clv --count-model bgnbd.json --spend-model gg.json summary.csv --months 12 --discount-rate 0.01 -o clv.csv
check_csv clv.csv "customer_id,clv" 2357
ltv clv --count-model pnbd.json --spend-model gg.json summary.csv --months 12 --discount-rate 0.01 --step-weeks 4.345 -o clv-pnbd.csv
check_csv clv-pnbd.csv "customer_id,clv" 2357

ltv value --strategy simple --currency SEK --apv 500 --frequency 6/year --lifespan "3 years" >value.txt
grep -qx 'value: 9000' value.txt && grep -qx 'currency: SEK' value.txt || fail "value printed: $(cat value.txt)"
ok "value --strategy simple: 9000 SEK"

ltv value --strategy simple --currency NOK --apv 400 --frequency 1/month --vary lifespan=10..16months >vary.txt
grep -q '^LTV  *4,000.00 NOK  6,400.00 NOK  +2,400.00 NOK (+60 %)$' vary.txt || fail "value --vary printed: $(cat vary.txt)"
ok "value --vary lifespan=10..16months: 4,000 -> 6,400 NOK"

ltv compare bgnbd.json mbgnbd.json pnbd.json summary.csv >compare.txt
grep -q '^   2  BG/NBD       4    -9582.4292' compare.txt && grep -q '^BG/NBD vs MBG/NBD: not nested' compare.txt || fail "compare printed: $(cat compare.txt)"
ok "compare: AIC/BIC table, BG/NBD LL -9582.4292, not nested"

# Parquet out and back in: the summary written as Parquet fits to the same BG/NBD log-likelihood.
ltv summarize "$log" --format cdnow --observation-end 1998-06-30 --calibration-end 1997-09-30 --unit week -o summary.parquet >/dev/null
[ "$(head -c 4 summary.parquet)" = "PAR1" ] || fail "summary.parquet is not a Parquet file"
ltv fit bgnbd summary.parquet -o bgnbd-parquet.json >fit-parquet.txt
grep -q '^log-likelihood = -9582.4292$' fit-parquet.txt || fail "fit from summary.parquet printed: $(cat fit-parquet.txt)"
ok "summarize -o summary.parquet, fit bgnbd summary.parquet: LL -9582.4292 as from CSV"

# sBG on the Regular cohort of Fader and Hardie (2007), one row per subscriber.
awk 'BEGIN { split("1000 631 468 382 326 289 262 241", s, " "); id = 0; print "customer_id,periods,churned";
  for (t = 2; t <= 8; t++) for (k = 0; k < s[t-1] - s[t]; k++) printf "s%d,%d,1\n", id++, t - 1;
  for (k = 0; k < s[8]; k++) printf "s%d,8,0\n", id++ }' >regular.csv
ltv fit sbg regular.csv --unit year -o sbg.json >fit-sbg.txt
grep -qE '^alpha +0\.704' fit-sbg.txt && grep -qE '^beta +1\.182' fit-sbg.txt || fail "fit sbg printed: $(cat fit-sbg.txt)"
ok "fit sbg: alpha 0.704, beta 1.182 (published)"
ltv predict sbg.json regular.csv --unit year --horizon 1 -o predict-sbg.csv
check_csv predict-sbg.csv "customer_id,p_renew,expected_periods" 1000

expect_exit 2 "bad usage (fit with an unknown model)" ltv fit ggom summary.csv
expect_exit 2 "bad usage (predict without --horizon)" ltv predict bgnbd.json summary.csv
printf 'customer_id,frequency,recency,T,monetary_value\n0001,2,30.4,38.9,22.35\n0002,1,x,38.9,10\n' >bad.csv
expect_exit 1 "bad data (a non-number in the summary)" ltv fit bgnbd bad.csv -o bad.json
grep -q "bad.csv, line 3, column 3 (recency)" err.txt && grep -q "(was 'x')" err.txt || fail "the bad-data message does not name file, line, column and value: $(cat err.txt)"
[ ! -e bad.json ] || fail "bad data left an output file behind"
ok "bad data: message names file, line, column and value; nothing written"
expect_exit 1 "bad data (a model of the wrong kind)" ltv clv --count-model gg.json --spend-model gg.json summary.csv --months 12 --discount-rate 0.01

echo "cli smoke: $checks checks passed"
