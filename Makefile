# The two commands README gives: `make run` and `make test`.
# Both install what is missing (scripts/install-deps.sh), build into build/,
# and then start the system on demo data or run every test.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
DEMO_DB ?= $(BUILD_DIR)/demo/trygnet-demo.db
PARTNERSHIP ?= norrebro-2017
LISTEN ?= 127.0.0.1:8080

.PHONY: deps build run test bench clean

deps:
	scripts/install-deps.sh

# Build only: assumes the packages are there.
build:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_DIR) -j $(JOBS)
	scripts/build-web.sh $(BUILD_DIR)

# Creates the demo database (if it is not there yet), shows the indicators,
# then serves the API on $(LISTEN) until Ctrl-C.
run: deps
	$(MAKE) build
	scripts/run-demo.sh $(BUILD_DIR)/trygnet $(DEMO_DB) $(PARTNERSHIP) $(LISTEN)
	$(BUILD_DIR)/trygnet serve --db $(DEMO_DB) --key-file $(DEMO_DB).key --listen $(LISTEN)

test: deps
	$(MAKE) build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# Benchmarks are not tests: they print figures for docs/performance.md.
bench: deps
	$(MAKE) build
	scripts/run-benchmarks.sh $(BUILD_DIR)

clean:
	rm -rf $(BUILD_DIR)
