# SIGTERM or SIGINT while the reports are being written removes their
# temporary files ("report.json.tmp-XXXXXX"), then ends the run as the
# signal would (exit 128+N). A folder of 600 runbooks with many findings
# gives reports of a few MB, so that their temporary files exist long
# enough to be seen: the run is stopped (SIGSTOP) as soon as one is there,
# the signal is sent, and the run continued; no timing is guessed.
big=$(mktemp -d)
mkdir "$big/runbooks"
body=
for ((k = 1; k <= 20; k++)); do
  body+="TBD: step $k, see [the notes](#notes-$k)."$'\n\n'
done
for ((n = 1; n <= 600; n++)); do
  printf '# Service %d runbook\n\n%s' "$n" "$body" > "$big/runbooks/service-$n-runbook.md"
done
# Python runs opsready, so that SIGINT is not ignored as in a shell's
# background job, and reads its end without the shell's job control.
python3 - "$OPSREADY" "$OUT" "$big" <<'PY'
import glob, os, signal, subprocess, sys
opsready, out, big = sys.argv[1:4]
for sig in (signal.SIGTERM, signal.SIGINT):
    caught, status = "no", None
    for _ in range(20):  # a run may end before a temporary file is seen
        for f in glob.glob(os.path.join(out, "report.*")):
            os.unlink(f)
        p = subprocess.Popen([opsready, "check", "--now", "2026-01-20", "--quiet",
                              "--report", "json=" + os.path.join(out, "report.json"),
                              "--report", "html=" + os.path.join(out, "report.html"), big],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while p.poll() is None:
            if not glob.glob(os.path.join(out, "*.tmp-*")):
                continue
            os.kill(p.pid, signal.SIGSTOP)
            if glob.glob(os.path.join(out, "*.tmp-*")):
                caught = "yes"
                os.kill(p.pid, sig)
                os.kill(p.pid, signal.SIGCONT)
                break
            os.kill(p.pid, signal.SIGCONT)
        rc = p.wait()
        status = 128 - rc if rc < 0 else rc
        if caught == "yes":
            break
    print(f"{sig.name[3:]} while a temporary report existed: {caught}; exit {status}")
    left = [f for f in os.listdir(out) if ".tmp-" in f]
    print(f"temporary files left: {len(left)}")
PY
rm -rf "$big" "$OUT"/report.*
