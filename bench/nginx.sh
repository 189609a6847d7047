# Sourced by the bench scripts. start_nginx WORK ROOT PORT RATE: serves ROOT on 127.0.0.1:PORT with limit_rate RATE
# per connection (Debian's nginx, installed when missing), until the script exits.
start_nginx() {
  local work=$1 root=$2 port=$3 rate=$4
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { apt-get update -qq && apt-get install -y -qq nginx-light; }
  cat >"$work/nginx.conf" <<CONF
user root;
worker_processes 2;
daemon on;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 256; }
http {
  access_log off; sendfile on;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server { listen 127.0.0.1:$port; root $root; location / { limit_rate $rate; } }
}
CONF
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
  "$nginx_bin" -c "$work/nginx.conf" -p "$work"
  trap '"$nginx_bin" -c "'"$work"'/nginx.conf" -p "'"$work"'" -s stop' EXIT
}
