#include "cli/app.h"

int main(int argc, char** argv) { return trygnet::cli::RunCli(argc, argv); }
