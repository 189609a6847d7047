# Sourced by bench/slurm_shards.sh. start_slurm_cluster: a one-node Slurm cluster on this machine (Debian's slurm-wlm
# and munge, installed when missing): munge auth, proctrack/linuxproc, task/none, select/cons_tres, one partition,
# the node's CPUs and memory as slurmd -C reports them. Returns when sinfo shows the node idle.
start_slurm_cluster() {
  command -v slurmctld >/dev/null && command -v munged >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
  }
  local host conf=/etc/slurm/slurm.conf
  host=$(hostname -s)
  pkill -x slurmd 2>/dev/null || true
  pkill -x slurmctld 2>/dev/null || true
  pkill -x munged 2>/dev/null || true
  sleep 1

  mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
  [ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
  chmod 0700 /etc/munge && chmod 0400 /etc/munge/munge.key
  runuser -u munge -- /usr/sbin/munged

  mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/slurm
  local node
  node=$(slurmd -C | head -1 | sed 's/ UpTime=.*//')
  cat >"$conf" <<CONF
ClusterName=kinetics
SlurmctldHost=$host
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SlurmUser=root
SlurmdUser=root
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
$node State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  slurmctld -c
  slurmd
  local i
  for i in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qx idle; then
      return 0
    fi
    sleep 1
  done
  echo "the Slurm node did not become idle:" >&2
  sinfo >&2 || true
  tail -20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
  return 1
}

stop_slurm_cluster() {
  pkill -x slurmd 2>/dev/null || true
  pkill -x slurmctld 2>/dev/null || true
  pkill -x munged 2>/dev/null || true
}
