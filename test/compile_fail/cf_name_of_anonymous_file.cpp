// An anonymous file has no name: name() is not a member of temporary_file.
#include <boost/tempfile/basic_temp_file.hpp>
namespace tf = boost::tempfile;
int main()
{
#if defined(BOOST_TEMPFILE_TEST_MISUSE)
    tf::temporary_file f;
#else
    tf::named_temporary_file f;
#endif
    return f.name().empty();
}
