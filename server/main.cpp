#include "cli/ServerMain.h"

int main(int argc, char** argv)
{
    return ccr::server::serverMain(argc, argv);
}
