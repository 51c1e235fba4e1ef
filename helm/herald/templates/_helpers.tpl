{{/* Names and labels shared by every template. */}}

{{- define "herald.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "herald.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "herald.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "herald.labels" -}}
helm.sh/chart: {{ include "herald.chart" . }}
{{ include "herald.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: herald
{{- end -}}

{{- define "herald.selectorLabels" -}}
app.kubernetes.io/name: {{ include "herald.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of one service's resources: call with (dict "root" $ "name" "dedup"). */}}
{{- define "herald.componentLabels" -}}
{{ include "herald.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "herald.componentSelectorLabels" -}}
{{ include "herald.selectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "herald.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "herald.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "herald.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "herald.secretName" -}}
{{- default (include "herald.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* True when the chart has alert destinations or secrets to pass on (its own Secret or an existing one). */}}
{{- define "herald.hasSecret" -}}
{{- $s := .Values.secrets -}}
{{- if or $s.existingSecret $s.webhookUrl $s.webhookSecret $s.slackWebhookUrl $s.alertmanagerUrl $s.heartbeatSecret -}}true{{- end -}}
{{- end -}}

{{/* The services, in pipeline order; the stream workers are the ones that scale out. */}}
{{- define "herald.components" -}}poller light dedup enrich classify novelty delivery heartbeat store api{{- end -}}
{{- define "herald.streamWorkers" -}}light dedup enrich classify novelty delivery{{- end -}}
{{- define "herald.lightStages" -}}dedup classify novelty{{- end -}}

{{/* True when a service runs: it is enabled, and not one of the stages light.enabled runs in its own
     `herald worker light` process. Call with (dict "root" $ "name" "dedup"). */}}
{{- define "herald.runs" -}}
{{- $c := index .root.Values .name -}}
{{- $inLight := and .root.Values.light.enabled (has .name (splitList " " (include "herald.lightStages" .root))) -}}
{{- if and $c.enabled (not $inLight) -}}true{{- end -}}
{{- end -}}

{{/* The command line of one service. */}}
{{- define "herald.args" -}}
{{- if eq . "poller" -}}
["poll"]
{{- else if eq . "heartbeat" -}}
["heartbeat", "serve"]
{{- else if eq . "store" -}}
["store"]
{{- else if eq . "api" -}}
["api"]
{{- else -}}
["worker", {{ . | quote }}]
{{- end -}}
{{- end -}}

{{/* Where each service answers "am I alive": the poller only serves /metrics. */}}
{{- define "herald.healthPath" -}}
{{- if eq . "poller" -}}/metrics{{- else -}}/healthz{{- end -}}
{{- end -}}

{{- define "herald.heartbeatUrl" -}}
{{- printf "http://%s-heartbeat:%v" (include "herald.fullname" .) .Values.heartbeat.port -}}
{{- end -}}

{{/* The heartbeat's alert route signs its posts; without a secret delivery would refuse to start. */}}
{{- define "herald.checkHeartbeatSecret" -}}
{{- if and .Values.heartbeat.enabled (not .Values.secrets.existingSecret) (not .Values.secrets.heartbeatSecret) -}}
{{- fail "heartbeat.enabled needs secrets.heartbeatSecret (or secrets.existingSecret with HERALD_HEARTBEAT_SECRET)" -}}
{{- end -}}
{{- end -}}

{{/* HERALD_* settings every service reads: the ConfigMap's data and the topics Job's env. */}}
{{- define "herald.settings" -}}
HERALD_KAFKA_BOOTSTRAP: {{ required "kafka.bootstrap is required" .Values.kafka.bootstrap | quote }}
HERALD_PARTITIONS: {{ .Values.settings.partitions | quote }}
HERALD_REPLICATION_FACTOR: {{ .Values.settings.replicationFactor | quote }}
HERALD_MIN_INSYNC_REPLICAS: {{ .Values.settings.minInsyncReplicas | quote }}
HERALD_LOG_LEVEL: {{ .Values.settings.logLevel | quote }}
HERALD_LOG_FORMAT: {{ .Values.settings.logFormat | quote }}
HERALD_STATE_DIR: "/var/lib/herald"
HERALD_METRICS_HOST: "0.0.0.0"
HERALD_POLL_INTERVAL_SECONDS: {{ .Values.settings.pollIntervalSeconds | quote }}
HERALD_NOVELTY_MIN_SEVERITY: {{ .Values.settings.noveltyMinSeverity | quote }}
HERALD_CONSOLE_SINK: {{ .Values.settings.consoleSink | quote }}
HERALD_HEARTBEAT_INTERVAL_SECONDS: {{ .Values.settings.heartbeatIntervalSeconds | quote }}
{{- if .Values.heartbeat.enabled }}
HERALD_HEARTBEAT_BASE_URL: {{ include "herald.heartbeatUrl" . | quote }}
HERALD_ALLOW_HOSTS: {{ printf "%s-heartbeat" (include "herald.fullname" .) | quote }}
{{- end }}
{{- range $key, $value := .Values.extraEnv }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end -}}

{{/* The feed list the poller reads, with the heartbeat's canary added when it runs. */}}
{{- define "herald.feeds" -}}
{{- $feeds := list -}}
{{- range .Values.feeds }}{{ $feeds = append $feeds . }}{{ end -}}
{{- if .Values.heartbeat.enabled -}}
{{- $feeds = append $feeds (dict "name" "herald-heartbeat" "url" (printf "%s/feed.xml" (include "herald.heartbeatUrl" .)) "interval" 60) -}}
{{- end -}}
{{- toYaml (dict "feeds" $feeds) -}}
{{- end -}}

{{/* ---- event store ---- */}}
{{/* The Secret that holds the store's database URL: an existing one, or the chart's own. */}}
{{- define "herald.storeSecretName" -}}
{{- default (printf "%s-store" (include "herald.fullname" .)) .Values.store.database.existingSecret -}}
{{- end -}}

{{/* True when a service reads the store's database: the store stage writes it, the query API reads it. */}}
{{- define "herald.usesStoreDatabase" -}}
{{- if or .Values.store.enabled .Values.api.enabled -}}true{{- end -}}
{{- end -}}

{{/* The store needs a database: a URL for the chart's Secret, or an existing Secret that holds one. */}}
{{- define "herald.checkStoreDatabase" -}}
{{- if and (include "herald.usesStoreDatabase" .) (not .Values.store.database.existingSecret) (not .Values.store.database.url) -}}
{{- fail "store.enabled and api.enabled need store.database.url or store.database.existingSecret (a PostgreSQL URL)" -}}
{{- end -}}
{{- end -}}
{{/* ---- end of event store ---- */}}

{{/* ---- query API ---- */}}
{{/* The Secret that holds the API's bearer token: an existing one, or the chart's own. */}}
{{- define "herald.apiSecretName" -}}
{{- default (printf "%s-api" (include "herald.fullname" .)) .Values.api.existingSecret -}}
{{- end -}}

{{/* The API listens on its pod's address, beyond loopback: it must have a token (it refuses to start without). */}}
{{- define "herald.checkApiToken" -}}
{{- if and .Values.api.enabled (not .Values.api.existingSecret) (not .Values.api.token) -}}
{{- fail "api.enabled needs api.token or api.existingSecret (the bearer token clients send)" -}}
{{- end -}}
{{- end -}}
{{/* ---- end of query API ---- */}}
