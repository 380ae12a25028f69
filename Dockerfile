# KhốiBot: slim Python, non-root user, data directory as a volume.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATABASE_URL=sqlite:////data/khoibot.db \
    KHOIBOT_FILES_DIR=/data/files

WORKDIR /app
COPY pyproject.toml README.md ./
COPY app ./app
COPY adapters ./adapters
COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY scheduler ./scheduler
RUN pip install . \
    && useradd --system --uid 10001 --home-dir /app khoibot \
    && mkdir -p /data && chown khoibot /data

USER khoibot
VOLUME ["/data"]
# Long polling needs no inbound port; set TELEGRAM_BOT_TOKEN / ZALO_BOT_TOKEN (and others) with
# --env-file. The Zalo webhook and file links (KHOIBOT_PUBLIC_URL) listen on 8080.
EXPOSE 8080
CMD ["khoibot", "run"]
