# The rari command in a container: `rari node` for a cluster member, `rari sim` for the paper exchange (see
# docker-compose.yml). Two stages: the SDK builds and publishes, the ASP.NET runtime image runs.

# ---- build -----------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# The dashboard's build installs its charting library from npm (src/Rari.Dashboard/web/package-lock.json).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*

# Restore first, from the project files alone, so that a source change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Rari.Domain/Rari.Domain.csproj src/Rari.Domain/
COPY src/Rari.Venue/Rari.Venue.csproj src/Rari.Venue/
COPY src/Rari.Aster/Rari.Aster.csproj src/Rari.Aster/
COPY src/Rari.Aster.Sim/Rari.Aster.Sim.csproj src/Rari.Aster.Sim/
COPY src/Rari.Actors/Rari.Actors.csproj src/Rari.Actors/
COPY src/Rari.Backtest/Rari.Backtest.csproj src/Rari.Backtest/
COPY src/Rari.Dashboard/Rari.Dashboard.csproj src/Rari.Dashboard/
COPY src/Rari.Node/Rari.Node.csproj src/Rari.Node/
RUN dotnet restore src/Rari.Node/Rari.Node.csproj

COPY src/ src/
COPY hocon/ hocon/
COPY data/ data/
RUN dotnet publish src/Rari.Node/Rari.Node.csproj -c Release --no-restore -o /app

# ---- run -------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS run

# A user of its own; the working folder holds state/ (nonces, status.json, the ops token) and logs/.
RUN useradd --create-home --uid 10001 rari && mkdir -p /rari && chown rari /rari
COPY --from=build /app /app
USER rari
WORKDIR /rari
VOLUME ["/rari"]

# 4053: the cluster port (akka.remote); 5080: `rari sim`; 8501: the dashboard. The ops endpoint (9110) stays on the
# container's loopback: use it with `docker compose exec node1 rari ops cluster show`.
EXPOSE 4053 5080 8501
ENV PATH="/app:${PATH}"
# Two malloc arenas from the first thread on (rari sets the same limit itself at start, after the runtime's first
# threads): glibc's per-thread arenas made a long paper run's resident set grow (docs/performance.md, memory).
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["dotnet", "/app/rari.dll"]
CMD ["--help"]
