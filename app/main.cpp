#include "desk/DeskMain.h"

int main(int argc, char** argv)
{
    return ccr::app::deskMain(argc, argv);
}
